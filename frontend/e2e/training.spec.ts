import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, screenshot, signInWithCookie, SocketWatch, test, unique } from './fixtures';

/** The session card of the programme's page (it has one session). */
function session(page: Page) {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Session 1' }) });
}

test('a trainer schedules a session; seats, the waiting list, a seat arriving live, completion and a certificate anyone verifies', async ({
  page,
  context,
  newContext,
}) => {
  test.setTimeout(120_000);
  const title = unique('Phishing triage classroom');

  // The vendor's trainer creates a certifying classroom programme, opens it and schedules a
  // session of two seats in Amsterdam time.
  await signInWithCookie(context, ACCOUNTS.researcher.email);
  await page.goto('/workspaces');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Training' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Programmes' }).getByRole('listitem').first()).toBeVisible();
  await page.getByRole('button', { name: 'New programme' }).click();
  const form = page.getByRole('form', { name: 'New programme' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Description (Markdown)').fill('Triage of **reported phishing**, hands-on.');
  await form.getByLabel('Format').selectOption('CLASSROOM');
  await form.getByLabel('Completion issues a certificate').check();
  await form.getByLabel(/Certificates valid for/).fill('365');
  await form.getByRole('button', { name: 'Create programme' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const programmePath = new URL(page.url()).pathname;
  await expect(page.locator('.markdown strong')).toHaveText('reported phishing');

  const manage = page.getByRole('region', { name: 'Manage programme' });
  await expect(manage).toContainText('Status: Draft');
  await manage.getByRole('button', { name: 'Open for enrolment' }).click();
  await expect(manage).toContainText('Status: Open');
  await manage.getByRole('button', { name: 'New session' }).click();
  const sessionForm = page.getByRole('form', { name: 'New session' });
  await sessionForm.getByLabel('Time zone (IANA name)').fill('Europe/Amsterdam');
  await sessionForm.getByLabel('Starts').fill('2030-03-12T09:00');
  await sessionForm.getByLabel('Ends').fill('2030-03-12T17:00');
  await sessionForm.getByLabel('Place').fill('The Hague, room 3');
  await sessionForm.getByLabel('Online link (https)').fill('https://meet.example/phishing-triage');
  await sessionForm.getByLabel('Seats').fill('2');
  await sessionForm.getByRole('button', { name: 'Create session' }).click();
  await expect(sessionForm).toHaveCount(0);
  const trainerSession = session(page);
  await expect(trainerSession).toContainText('12 Mar 2030, 09:00 – 17:00');
  await expect(trainerSession).toContainText('(Europe/Amsterdam)');
  await expect(trainerSession).toContainText('UTC: 12 Mar 2030, 08:00 – 16:00 UTC');
  await expect(trainerSession).toContainText('2 of 2 seats free');
  await screenshot(page, 'training-programme-manager');

  // Three learners of three organisations, each in their own browser.
  const learners: { page: Page; watch: SocketWatch }[] = [];
  for (const account of [ACCOUNTS.analyst, ACCOUNTS.handler, ACCOUNTS.soc]) {
    const learnerContext = await newContext();
    await signInWithCookie(learnerContext, account.email);
    const learnerPage = await learnerContext.newPage();
    const watch = new SocketWatch(learnerPage);
    await learnerPage.goto('/training');
    await learnerPage.getByLabel('Search programmes').fill(title);
    await learnerPage.getByRole('button', { name: 'Search', exact: true }).click();
    await learnerPage.getByRole('link', { name: title }).click();
    await expect(learnerPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
    learners.push({ page: learnerPage, watch });
  }
  const [first, second, third] = learners as [(typeof learners)[0], (typeof learners)[0], (typeof learners)[0]];

  await session(first.page).getByRole('button', { name: 'Enrol' }).click();
  await expect(session(first.page).getByRole('status')).toHaveText('You have a seat');
  // The link is there for a confirmed participant only.
  await expect(session(first.page).getByRole('link', { name: 'https://meet.example/phishing-triage' })).toBeVisible();

  await session(second.page).getByRole('button', { name: 'Enrol' }).click();
  await expect(session(second.page).getByRole('status')).toHaveText('You have a seat');

  await expect(session(third.page)).toContainText('0 of 2 seats free');
  await session(third.page).getByRole('button', { name: 'Enrol (waiting list)' }).click();
  await expect(session(third.page).getByRole('status')).toHaveText('Waiting list position 1');
  await expect(session(third.page).getByRole('link', { name: /meet\.example/ })).toHaveCount(0);
  await expect(session(third.page)).toContainText('0 of 2 seats free, 1 waiting');
  await screenshot(third.page, 'training-programme-waiting-list');
  await expect.poll(() => third.watch.subscribed('TrainingUpdated')).toBe(true);

  // One of the seated gives the seat up; the one waiting gets it live, without a reload.
  await session(second.page).getByRole('button', { name: 'Cancel enrolment' }).click();
  await session(second.page).getByRole('button', { name: 'Yes, cancel enrolment' }).click();
  await expect(session(second.page).getByRole('button', { name: 'Enrol (waiting list)' })).toBeVisible();

  await expect(session(third.page).getByRole('status')).toHaveText('You have a seat');
  await expect(third.page.locator('main').getByText('You moved up from the waiting list: you have a seat.')).toBeVisible();
  await expect(session(third.page).getByRole('link', { name: 'https://meet.example/phishing-triage' })).toBeVisible();
  await screenshot(third.page, 'training-programme-seat-live');

  // The trainer's participant list follows live; completing Sam's enrolment issues a certificate.
  const participants = page.getByRole('table', { name: 'Participants of session 1' });
  await expect(participants.getByRole('row', { name: /Sam SOC/ })).toContainText('Seat');
  await expect(participants.getByRole('row', { name: /Hugo Handler/ })).toHaveCount(0);
  // A controlled box: it shows what the server recorded, once it has answered.
  await participants.getByRole('checkbox', { name: 'Sam SOC attended' }).click();
  await expect(participants.getByRole('checkbox', { name: 'Sam SOC attended' })).toBeChecked();
  await participants.getByRole('button', { name: 'Complete for Sam SOC' }).click();
  await expect(participants.getByRole('row', { name: /Sam SOC/ })).toContainText('Completed');
  const certificates = page.getByRole('table', { name: 'Certificates of this programme' });
  const row = certificates.getByRole('row', { name: /Sam SOC/ });
  await expect(row).toContainText('Valid');
  const code = (await row.getByRole('link').textContent())?.trim() ?? '';
  expect(code).not.toBe('');
  await screenshot(page, 'training-programme-certificates');

  // The trainer cancels the session: it shows as cancelled and takes no more enrolments.
  await session(page).getByRole('button', { name: 'Cancel session 1' }).click();
  await session(page).getByRole('button', { name: 'Yes, cancel session' }).click();
  await expect(session(page).locator('.tag', { hasText: 'Cancelled' })).toBeVisible();
  await expect(session(page).getByRole('button', { name: 'Cancel session 1' })).toHaveCount(0);
  await expect(session(second.page).locator('.tag', { hasText: 'Cancelled' })).toBeVisible();
  await expect(session(second.page).getByRole('button', { name: /^Enrol/ })).toHaveCount(0);

  // Sam finds the certificate under My training.
  await third.page.goto('/training/mine');
  await expect(third.page.getByRole('heading', { level: 1, name: 'My training' })).toBeVisible();
  await expect(third.page.getByRole('table', { name: 'Your certificates' }).getByRole('link', { name: code })).toBeVisible();
  await screenshot(third.page, 'training-mine');

  // Anyone, without signing in, verifies the code.
  const anonymous = await newContext();
  const verifier = await anonymous.newPage();
  await verifier.goto(`/verify/${encodeURIComponent(code)}`);
  const verification = verifier.getByRole('region', { name: `Result for ${code}` });
  await expect(verification).toContainText('VALID');
  await expect(verification).toContainText('This certificate is valid.');
  await expect(verification).toContainText('Sam SOC');
  await expect(verification).toContainText(title);
  await expect(verification).toContainText('Sentinel Threat Research');
  await screenshot(verifier, 'verify-certificate');

  // A code nobody holds.
  await verifier.getByLabel('Certificate code').fill('NOT-A-REAL-CODE');
  await verifier.getByRole('button', { name: 'Verify' }).click();
  await expect(verifier.getByText('No certificate has this code.')).toBeVisible();
  expect(programmePath).toMatch(/^\/training\//);
});
