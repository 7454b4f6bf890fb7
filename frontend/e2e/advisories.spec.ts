import { readFile } from 'node:fs/promises';
import { createDraftAdvisory, publishPublicAdvisory } from './api';
import { acceptInvitation, createAdvisory, createWorkspace, editor, inviteByEmail } from './app';
import {
  ACCOUNTS,
  apiToken,
  expect,
  graphql,
  screenshot,
  signIn,
  signInWithCookie,
  SocketWatch,
  test,
  unique,
} from './fixtures';

const VENDOR = 'Rosa Researcher (Sentinel Threat Research)';
const ANALYST = 'Anouk Analyst (National Police Cybercrime Unit)';
const POLICE_ORG = 'National Police Cybercrime Unit';
const VENDOR_ORG = 'Sentinel Threat Research';

test('two organisations write an advisory together, merge a conflict, sign off and publish it to the public', async ({
  page,
  newContext,
}) => {
  test.setTimeout(180_000);

  // The analyst (police) starts a workspace and invites the vendor's researcher.
  await signIn(page, ACCOUNTS.analyst.email);
  const workspace = unique('Joint advisory');
  const workspacePath = await createWorkspace(page, workspace);
  await inviteByEmail(page, workspacePath, ACCOUNTS.researcher.email, 'Contributor');

  const vendor = await newContext();
  const vendorPage = await vendor.newPage();
  await signIn(vendorPage, ACCOUNTS.researcher.email);
  await acceptInvitation(vendorPage, workspace);

  // A TLP:CLEAR advisory, with the vendor's researcher as co-author.
  const title = unique('Invoice loader campaign');
  const advisoryPath = await createAdvisory(page, workspacePath, title, 'CLEAR');
  const authors = page.getByRole('region', { name: 'Authors' });
  await authors.getByLabel('Workspace member (contributors and above)').selectOption({ label: VENDOR });
  await authors.getByRole('button', { name: 'Add co-author' }).click();
  await expect(authors.getByRole('listitem').filter({ hasText: VENDOR })).toBeVisible();
  const signOffs = page.getByRole('region', { name: 'Review and publication' });
  await expect(signOffs.getByRole('row', { name: new RegExp(VENDOR_ORG) })).toContainText('Not asked yet');

  // Every content field; the body's preview follows the typing.
  const form = editor(page);
  await expect(form.getByRole('heading', { name: 'Edit revision 1' })).toBeVisible();
  await form.getByLabel('Summary').fill('Invoice mails drop a loader that fetches ransomware.');
  await form.getByLabel('Body (Markdown)').fill('## Initial access\n\n**Invoices** with macros.\n\nSecond paragraph.');
  const preview = form.getByRole('region', { name: 'Preview of Body' });
  await expect(preview.getByRole('heading', { name: 'Initial access' })).toBeVisible();
  await expect(preview.locator('strong')).toHaveText('Invoices');
  await form.getByLabel('Severity').selectOption('HIGH');
  await form.getByLabel('CVSS 3.1 vector').fill('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H');
  await form.getByRole('button', { name: 'Add product' }).click();
  const product = form.getByRole('group', { name: 'Product 1' });
  await product.getByLabel('Vendor').fill('Example Corp');
  await product.getByLabel('Product', { exact: true }).fill('Mail Gateway');
  await product.getByLabel('Versions').fill('< 4.2');
  await form.getByLabel('References (one URL per line)').fill('https://cert.example/loader');
  await form.getByLabel('Credits (one per line)').fill('Sentinel Threat Research');
  await form.getByLabel('Recommendations (Markdown)').fill('Block the **loader** domains.');
  // A wrong CVE id: the server's sentence shows next to the field, nothing is lost.
  await form.getByLabel('CVE ids (one per line)').fill('CVE-21-1');
  await form.getByRole('button', { name: 'Save revision' }).click();
  const cveError = form.locator('#advisory-cves-error');
  await expect(cveError).toHaveText(
    'Please check what you entered: Entry 1: not a valid CVE id (CVE-YYYY-NNNN).',
  );
  await expect(form.getByLabel('CVE ids (one per line)')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('CVE ids (one per line)').fill('CVE-2026-12345');
  await form.getByRole('button', { name: 'Save revision' }).click();
  await expect(form.getByText('Saved as revision 2.')).toBeVisible();
  await expect(form.getByRole('heading', { name: 'Edit revision 2' })).toBeVisible();
  await expect(page.getByText('Severity: High (CVSS 8.8)').first()).toBeVisible();

  // Indicators pasted at once: a report on every line.
  await form.getByLabel(/^One per line/).fill('192[.]0[.]2[.]1\nevil[.]example\nnot an indicator\n192.0.2.1');
  await form.getByRole('button', { name: 'Add indicators' }).click();
  await expect(form.getByText('2 accepted, 1 duplicate, 1 rejected. Saved as revision 3.')).toBeVisible();
  const report = form.getByRole('table', { name: 'What became of each pasted line' });
  await expect(report.getByRole('row', { name: /not an indicator/ })).toContainText('Rejected');
  await expect(report.getByRole('row', { name: /^4 192\.0\.2\.1/ })).toContainText('Duplicate');
  await expect(form.getByRole('table', { name: 'Indicators of this advisory' }).getByRole('row')).toHaveCount(3);
  await expect(form.getByLabel(/^One per line/)).toHaveValue('not an indicator');
  await screenshot(page, 'advisory-editor');

  // The vendor edits a field and saves; the analyst sees the new revision arrive live.
  const analystSockets = new SocketWatch(page);
  await page.reload();
  await expect(form.getByRole('heading', { name: 'Edit revision 3' })).toBeVisible();
  await expect.poll(() => analystSockets.subscribed('AdvisoryUpdated')).toBe(true);
  await vendorPage.goto(advisoryPath);
  const vendorForm = editor(vendorPage);
  await expect(vendorForm.getByRole('heading', { name: 'Edit revision 3' })).toBeVisible();
  const vendorSummary = 'Invoice mails drop a loader; our telemetry counts 40 victims.';
  await vendorForm.getByLabel('Summary').fill(vendorSummary);
  await vendorForm.getByRole('button', { name: 'Save revision' }).click();
  await expect(vendorForm.getByText('Saved as revision 4.')).toBeVisible();
  await expect(page.getByText(`${VENDOR} saved revision 4.`)).toBeVisible();
  await expect(form.getByRole('heading', { name: 'Edit revision 4' })).toBeVisible();
  await expect(form.getByLabel('Summary')).toHaveValue(vendorSummary);

  // Both change the title from revision 4; the vendor saves first.
  await form.getByLabel('Title', { exact: true }).fill(`${title} (police)`);
  await vendorForm.getByLabel('Title', { exact: true }).fill(`${title} (vendor)`);
  await vendorForm.getByRole('button', { name: 'Save revision' }).click();
  await expect(vendorForm.getByText('Saved as revision 5.')).toBeVisible();
  // The analyst is told their base is stale, and saving shows the conflict view.
  await expect(form.getByText(/Revision 5 was saved by Rosa Researcher .* while you were editing/)).toBeVisible();
  await form.getByRole('button', { name: 'Save revision' }).click();
  const conflict = page.getByRole('region', { name: 'Merge your changes with revision 5' });
  await expect(conflict).toBeVisible();
  const titleConflict = conflict.getByRole('group', { name: 'Title' });
  await expect(titleConflict.getByLabel('Theirs (revision 5)')).toHaveText(`${title} (vendor)`);
  await expect(titleConflict.getByLabel('Yours (not saved)')).toHaveText(`${title} (police)`);
  await screenshot(page, 'advisory-conflict');
  await titleConflict.getByLabel('Merge by editing').check();
  const merged = unique('Invoice loader campaign, joint');
  await titleConflict.getByLabel('Merged title').fill(merged);
  await conflict.getByRole('button', { name: 'Save merged version as revision 6' }).click();
  await expect(form.getByText('Saved as revision 6.')).toBeVisible();
  await expect(form.getByLabel('Title', { exact: true })).toHaveValue(merged);
  await expect(page.getByRole('heading', { level: 1, name: merged })).toBeVisible();
  // The vendor, with nothing unsaved, moves on to the merged revision by itself, told who
  // saved it; the analyst is not told of their own save.
  await expect(vendorForm.getByRole('heading', { name: 'Edit revision 6' })).toBeVisible();
  await expect(vendorForm.getByLabel('Title', { exact: true })).toHaveValue(merged);
  await expect(vendorPage.getByText(`${ANALYST} saved revision 6.`)).toBeVisible();
  await expect(page.locator('.live-notice li').filter({ hasText: ANALYST })).toHaveCount(0);

  // The history compares two revisions: changed fields, and the body's lines marked in words.
  const history = page.getByRole('region', { name: 'Revision history' });
  await history.getByLabel('From revision').selectOption('1');
  await history.getByLabel('To revision').selectOption('6');
  await history.getByRole('button', { name: 'Show changes' }).click();
  const diff = history.getByRole('region', { name: 'Changes from revision 1 to revision 6' });
  await expect(diff.getByRole('row', { name: /^Summary/ })).toContainText(vendorSummary);
  await expect(diff.getByRole('table', { name: /^Body changes/ })).toContainText('Added:**Invoices** with macros.');

  // A review comment on the body, resolved by the vendor.
  const comments = page.getByRole('region', { name: 'Review comments' });
  await comments.getByLabel('Field').selectOption('body');
  await comments.getByRole('textbox', { name: 'Comment' }).fill('Name the macro family, please.');
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByText('Name the macro family, please.')).toBeVisible();
  const vendorComments = vendorPage.getByRole('region', { name: 'Review comments' });
  await expect(vendorComments.getByText('Name the macro family, please.')).toBeVisible();
  await expect(vendorPage.getByText(`${ANALYST} added or resolved a review comment.`)).toBeVisible();
  await vendorComments.getByRole('button', { name: /^Resolve the comment by Anouk Analyst/ }).click();
  await expect(comments.getByText('No open comments.')).toBeVisible();
  await expect(page.getByText(`${VENDOR} added or resolved a review comment.`)).toBeVisible();

  // Review: submitted, then each organisation signs off the exact current revision.
  await signOffs.getByRole('button', { name: 'Submit for review' }).click();
  await expect(signOffs.getByText('In review', { exact: true })).toBeVisible();
  await signOffs.getByRole('button', { name: 'Sign off revision 6' }).click();
  await expect(signOffs.getByRole('row', { name: new RegExp(POLICE_ORG) })).toContainText('Signed off');
  await expect(signOffs.getByRole('row', { name: new RegExp(VENDOR_ORG) })).toContainText('Waiting');
  const vendorSignOffs = vendorPage.getByRole('region', { name: 'Review and publication' });
  await vendorSignOffs.getByRole('button', { name: 'Sign off revision 6' }).click();
  await expect(vendorSignOffs.getByText('Approved', { exact: true })).toBeVisible();
  await expect(page.getByText(`${VENDOR} signed off revision 6.`)).toBeVisible();
  await expect(page.getByText(`${VENDOR} changed the status to Approved.`)).toBeVisible();
  await expect(signOffs.getByRole('row', { name: new RegExp(VENDOR_ORG) })).toContainText('Signed off');

  // The lead publishes to the public: TLP:CLEAR allows every audience.
  const publish = signOffs.getByRole('group', { name: 'Publish' });
  await expect(publish.getByLabel('Public — anyone, without signing in')).toBeChecked();
  await expect(publish.getByLabel(/^Law enforcement/)).toBeEnabled();
  await publish.getByRole('button', { name: 'Publish…' }).click();
  await publish.getByRole('button', { name: 'Publish now' }).click();
  const reference = page.locator('p.reference');
  await expect(reference).toHaveText(/^AH-\d{4}-\d{4,}$/);
  const ref = (await reference.textContent()) ?? '';
  await expect(page.getByRole('heading', { level: 1, name: merged })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Public' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'CSAF document (public)' })).toBeVisible();
  await screenshot(page, 'advisory-published');
  // Members download the STIX bundle and the CSAF document as JSON files.
  const stix = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download STIX' }).click();
  const stixFile = await stix;
  expect(stixFile.suggestedFilename()).toBe(`${ref.toLowerCase()}.stix.json`);
  const bundle = JSON.parse(await readFile(await stixFile.path(), 'utf8')) as { type?: string };
  expect(bundle.type).toBe('bundle');
  const csaf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSAF' }).click();
  const csafFile = await csaf;
  const csafDoc = JSON.parse(await readFile(await csafFile.path(), 'utf8')) as {
    document?: { tracking?: { id?: string } };
  };
  expect(csafDoc.document?.tracking?.id).toBe(ref);
  // The vendor's page turned into the published advisory too, saying who published it.
  await expect(vendorPage.locator('p.reference')).toHaveText(ref);
  await expect(vendorPage.getByText(`${ANALYST} published the advisory as ${ref}.`)).toBeVisible();

  // Anyone, without signing in: from the sign-in screen to the public pages.
  const anonymous = await newContext();
  const reader = await anonymous.newPage();
  await reader.goto('/');
  await reader.getByRole('link', { name: 'Public alerts' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: 'Public alerts and advisories' })).toBeVisible();
  const card = reader.getByRole('listitem').filter({ hasText: merged });
  await expect(card).toContainText(ref);
  await expect(card.getByRole('link', { name: /^CSAF document/ })).toBeVisible();
  await card.getByRole('link', { name: merged }).click();
  await expect(reader.getByRole('heading', { level: 1, name: merged })).toBeVisible();
  await expect(reader.locator('p.reference')).toHaveText(ref);
  await expect(reader.getByText(`By ${POLICE_ORG}, ${VENDOR_ORG}`)).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Initial access' })).toBeVisible();
  await expect(reader.getByRole('cell', { name: 'Mail Gateway' })).toBeVisible();
  await expect(reader.getByText('CVE-2026-12345')).toBeVisible();
  await expect(reader.getByRole('cell', { name: 'evil.example' })).toBeVisible();
  await expect(reader.getByLabel('Password')).toHaveCount(0);
  await screenshot(reader, 'public-advisory');

  const csafUrl = await reader.getByRole('link', { name: 'CSAF document' }).getAttribute('href');
  const csafResponse = await anonymous.request.get(csafUrl ?? '');
  expect(csafResponse.status()).toBe(200);
  expect(((await csafResponse.json()) as { document: { tracking: { id: string } } }).document.tracking.id).toBe(ref);
  const feed = await anonymous.request.get('/feeds/alerts.atom');
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  const atom = await feed.text();
  expect(atom).toContain(ref);
  expect(atom).toContain(merged);
});

test('a coordinator issues a public alert from a published advisory; members see it live, anyone on the public page', async ({
  page,
  context,
  newContext,
  request,
}) => {
  test.setTimeout(90_000);
  const token = await apiToken(request, ACCOUNTS.analyst.email);
  const advisory = await publishPublicAdvisory(request, token, unique('Gateway exploitation'));

  // A member watches the alerts.
  const memberSockets = new SocketWatch(page);
  await signInWithCookie(context, ACCOUNTS.analyst.email);
  await page.goto('/alerts');
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await expect.poll(() => memberSockets.subscribed('AlertIssued')).toBe(true);
  await expect(page.getByRole('button', { name: 'Issue alert' })).toHaveCount(0);

  const coordinator = await newContext();
  await signInWithCookie(coordinator, ACCOUNTS.coordinator.email);
  const coordinatorPage = await coordinator.newPage();
  await coordinatorPage.goto('/alerts');
  await coordinatorPage.getByRole('button', { name: 'Issue alert' }).click();
  const form = coordinatorPage.getByRole('form', { name: 'Issue alert' });
  await form
    .getByLabel('From a published advisory (optional)')
    .selectOption({ label: `${advisory.reference}: ${advisory.title}` });
  const alertTitle = unique('Patch your mail gateways');
  await form.getByLabel('Title').fill(alertTitle);
  await form.getByLabel('Audience').selectOption('PUBLIC');
  await form.getByLabel(/^Regions/).fill('XX');
  await form.getByRole('button', { name: 'Issue alert' }).click();
  await expect(form.locator('#alert-regions-error')).toHaveText(
    'Please check what you entered: Entry 1: not an ISO 3166-1 alpha-2 country code.',
  );
  await form.getByLabel(/^Regions/).fill('nl, DE');
  await form.getByRole('button', { name: 'Issue alert' }).click();
  await expect(form).toHaveCount(0);
  const issued = coordinatorPage.getByRole('listitem').filter({ hasText: alertTitle });
  await expect(issued).toContainText('Regions: NL, DE');
  await expect(issued.getByRole('link', { name: `${advisory.reference}: ${advisory.title}` })).toBeVisible();

  // The member sees it arrive without reloading.
  const arrived = page.getByRole('listitem').filter({ hasText: alertTitle });
  await expect(arrived).toBeVisible();
  await expect(arrived).toContainText('Severity: High');
  await screenshot(page, 'alerts');

  // Anyone: on the public page, and in the feed.
  const reader = await (await newContext()).newPage();
  await reader.goto('/public');
  await expect(reader.getByRole('listitem').filter({ hasText: alertTitle })).toContainText('Public');
  await screenshot(reader, 'public');
  const atom = await (await reader.request.get('/feeds/alerts.atom')).text();
  expect(atom).toContain(alertTitle);
});

test('a member outside the workspace reads a published advisory as its audience: organisations, no accounts or history', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  const token = await apiToken(request, ACCOUNTS.analyst.email);
  const advisory = await publishPublicAdvisory(request, token, unique('Audience advisory'));

  // The investigator (another police force) is no member of the analyst's workspace.
  const sockets = new SocketWatch(page);
  await signInWithCookie(context, ACCOUNTS.investigator.email);
  await page.goto(`/advisories/${encodeURIComponent(advisory.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: advisory.title })).toBeVisible();
  await expect(page.locator('p.reference')).toHaveText(advisory.reference);
  await expect(page.getByText(`By ${POLICE_ORG}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What happens' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'loader.example' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download STIX' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Public page' })).toBeVisible();
  // No workspace to go back to, and none of the workspace's content: no history, no accounts.
  await expect(page.locator('.breadcrumb')).toHaveText('Alerts');
  await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Revision history' })).toHaveCount(0);
  await expect(page.getByText('No revisions.')).toHaveCount(0);
  await expect(page.getByText('Anouk Analyst')).toHaveCount(0);

  // A withdrawal reaches the audience live, naming nobody.
  await expect.poll(() => sockets.subscribed('AdvisoryUpdated')).toBe(true);
  await graphql(
    request,
    'mutation ($id: ID!) { withdrawAdvisory(id: $id, reason: "Superseded by a vendor fix.") { id } }',
    { id: advisory.id },
    token,
  );
  await expect(page.getByText('The advisory was withdrawn.')).toBeVisible();
  await expect(page.locator('.withdrawn-banner')).toContainText('Superseded by a vendor fix.');
});

test('the revision history pages past the first 50 revisions', async ({ page, context, request }) => {
  test.setTimeout(90_000);
  const token = await signInWithCookie(context, ACCOUNTS.analyst.email);
  const workspacePath = await createWorkspace(page, unique('Long history'));
  const workspaceId = decodeURIComponent(workspacePath.split('/').pop() ?? '');
  const id = await createDraftAdvisory(request, token, workspaceId, unique('Many revisions'));
  // Revision 2 has the draft's indicators; 53 more saves make 55 revisions.
  for (let revision = 2; revision < 55; revision += 1) {
    await graphql(
      request,
      'mutation ($id: ID!, $rev: Int!, $summary: String!) { saveAdvisory(id: $id, expectedRevision: $rev, changes: { summary: $summary }) { id } }',
      { id, rev: revision, summary: `Summary ${String(revision + 1)}` },
      token,
    );
  }
  await page.goto(`/advisories/${encodeURIComponent(id)}`);
  const history = page.getByRole('region', { name: 'Revision history' });
  const items = history.getByRole('listitem');
  await expect(items).toHaveCount(50);
  await expect(items.first()).toContainText('Revision 55');
  await expect(items.last()).toContainText('Revision 6');
  await history.getByRole('button', { name: 'Show older revisions' }).click();
  await expect(items).toHaveCount(55);
  await expect(items.last()).toContainText('Revision 1');
  await expect(history.getByRole('button', { name: 'Show older revisions' })).toHaveCount(0);
});
