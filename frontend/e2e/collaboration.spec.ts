import {
  acceptInvitation,
  composer,
  createThread,
  createWorkspace,
  inviteByEmail,
  post,
  posts,
} from './app';
import { ACCOUNTS, expect, signIn, signInWithCookie, SocketWatch, test, unique } from './fixtures';

test('a partner of another organisation joins by email and sees posts arrive live', async ({
  page,
  newContext,
}) => {
  // The owner (police) starts a workspace and a thread, and invites a vendor's researcher.
  await signIn(page, ACCOUNTS.analyst.email);
  const workspace = unique('Joint analysis');
  const workspacePath = await createWorkspace(page, workspace);
  const title = unique('Loader infrastructure');
  const threadPath = await createThread(page, title, 'Opening notes.');
  await inviteByEmail(page, workspacePath, ACCOUNTS.researcher.email, 'Contributor');
  await expect(page.getByRole('heading', { name: /Rosa Researcher/ })).toBeVisible();

  // The researcher, in a browser of their own, accepts and opens the same thread.
  const partner = await newContext();
  const partnerPage = await partner.newPage();
  const partnerSockets = new SocketWatch(partnerPage);
  await signIn(partnerPage, ACCOUNTS.researcher.email);
  await acceptInvitation(partnerPage, workspace);
  await partnerPage.getByRole('link', { name: title }).click();
  await expect(partnerPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(posts(partnerPage, 'Opening notes.')).toHaveCount(1);
  await expect.poll(() => partnerSockets.subscribed('ThreadPostAdded')).toBe(true);

  // The owner, back on the thread, subscribed too.
  const ownerSockets = new SocketWatch(page);
  await page.goto(threadPath);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect.poll(() => ownerSockets.subscribed('ThreadPostAdded')).toBe(true);

  // The owner posts: the partner sees it without reloading; the owner sees it once.
  const ownerText = unique('Sinkholed the C2 domain');
  await post(page, ownerText);
  await expect(posts(partnerPage, ownerText)).toHaveCount(1);
  await expect(posts(partnerPage, ownerText)).toContainText(/Anouk Analyst/);
  await expect(posts(page, ownerText)).toHaveCount(1);

  // And the other way round.
  const partnerText = unique('Our telemetry shows 40 new victims');
  await post(partnerPage, partnerText);
  await expect(posts(page, partnerText)).toHaveCount(1);
  await expect(posts(page, partnerText)).toContainText(/Rosa Researcher/);
  await expect(posts(partnerPage, partnerText)).toHaveCount(1);

  // Nothing was duplicated by the live events arriving after the mutations' answers.
  await expect(page.getByRole('article')).toHaveCount(3);
  await expect(partnerPage.getByRole('article')).toHaveCount(3);
  await expect(composer(partnerPage)).toBeVisible();
});

test('an observer only reads; a contributor posts but does not moderate', async ({
  page,
  newContext,
}) => {
  await signIn(page, ACCOUNTS.analyst.email);
  const workspace = unique('Observed workspace');
  const workspacePath = await createWorkspace(page, workspace);
  const title = unique('Advisory draft');
  const threadPath = await createThread(page, title, 'Draft text for the advisory.');
  // The owner moderates: the controls the others must not have exist.
  await expect(page.getByRole('button', { name: 'Moderate thread' })).toBeVisible();
  // An address without an account is refused in a sentence.
  await page.goto(`${workspacePath}/invitations`);
  const invite = page.getByRole('form', { name: 'Invite' });
  await invite.getByLabel('Email').fill('nobody@nowhere.example');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(invite.getByRole('alert')).toHaveText(
    'Please check what you entered: No account that this workspace admits has this email.',
  );
  await inviteByEmail(page, workspacePath, ACCOUNTS.professor.email, 'Observer');
  await inviteByEmail(page, workspacePath, ACCOUNTS.researcher.email, 'Contributor');

  const observer = await newContext();
  await signInWithCookie(observer, ACCOUNTS.professor.email);
  const observerPage = await observer.newPage();
  await acceptInvitation(observerPage, workspace);
  await expect(observerPage.getByText('Your role: Observer')).toBeVisible();
  // No thread can be started either.
  await expect(observerPage.getByRole('button', { name: 'New thread' })).toHaveCount(0);
  await observerPage.goto(threadPath);
  await expect(observerPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(posts(observerPage, 'Draft text for the advisory.')).toHaveCount(1);
  await expect(observerPage.getByText('You are an observer in this workspace')).toBeVisible();
  await expect(composer(observerPage)).toHaveCount(0);
  await expect(observerPage.getByRole('textbox')).toHaveCount(0);
  await expect(observerPage.getByRole('button', { name: 'Moderate thread' })).toHaveCount(0);
  await expect(observerPage.getByRole('button', { name: /^Actions for the post/ })).toHaveCount(0);
  await expect(observerPage.getByRole('button', { name: /^Add a reaction/ })).toHaveCount(0);

  const contributor = await newContext();
  await signInWithCookie(contributor, ACCOUNTS.researcher.email);
  const contributorPage = await contributor.newPage();
  await acceptInvitation(contributorPage, workspace);
  await expect(contributorPage.getByRole('button', { name: 'New thread' })).toBeVisible();
  await contributorPage.goto(threadPath);
  await expect(contributorPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(composer(contributorPage)).toBeVisible();
  await expect(contributorPage.getByRole('button', { name: 'Moderate thread' })).toHaveCount(0);
  // The owner's post offers the contributor a reply, but no removal.
  const draft = posts(contributorPage, 'Draft text for the advisory.');
  await draft.getByRole('button', { name: /^Actions for the post/ }).click();
  await expect(contributorPage.getByRole('menuitem', { name: 'Reply' })).toBeVisible();
  await expect(contributorPage.getByRole('menuitem', { name: /Remove/ })).toHaveCount(0);
  await expect(contributorPage.getByRole('menuitem', { name: /Edit/ })).toHaveCount(0);
  await contributorPage.keyboard.press('Escape');
  await post(contributorPage, unique('Looks good to me'));
});
