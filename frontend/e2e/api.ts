/** Setting things up through the API, where a test is about something else. */
import type { APIRequestContext } from '@playwright/test';
import { graphql } from './fixtures';

export interface PublishedAdvisory {
  id: string;
  title: string;
  reference: string;
  workspaceId: string;
}

/**
 * A workspace of the account `token` belongs to, and in it a TLP:CLEAR advisory with some
 * content that its only organisation signs off and publishes to `PUBLIC`.
 */
export async function publishPublicAdvisory(
  request: APIRequestContext,
  token: string,
  title: string,
): Promise<PublishedAdvisory> {
  const { createWorkspace } = await graphql<{ createWorkspace: { id: string } }>(
    request,
    'mutation ($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { id } }',
    { input: { name: `${title} workspace`, defaultTlp: 'CLEAR' } },
    token,
  );
  const { createAdvisory } = await graphql<{ createAdvisory: { id: string; revision: number } }>(
    request,
    'mutation ($input: CreateAdvisoryInput!) { createAdvisory(input: $input) { id revision } }',
    {
      input: {
        workspaceId: createWorkspace.id,
        title,
        summary: 'A loader spreads through invoice mails.',
        body: '## What happens\n\nThe loader fetches a second stage.\n\n- Mails\n- Macros',
        severity: 'HIGH',
        tlp: 'CLEAR',
      },
    },
    token,
  );
  const id = createAdvisory.id;
  await graphql(
    request,
    'mutation ($id: ID!, $rev: Int!, $changes: AdvisoryChangesInput!) { saveAdvisory(id: $id, expectedRevision: $rev, changes: $changes) { id } }',
    {
      id,
      rev: createAdvisory.revision,
      changes: {
        cves: ['CVE-2026-12345'],
        affectedProducts: [{ vendor: 'Example', product: 'Mail Gateway', versions: '< 4.2' }],
        indicators: [{ kind: 'DOMAIN', value: 'loader.example' }],
        references: ['https://cert.example/loader'],
        credits: ['Alliance Hub e2e'],
        recommendations: 'Block the domain.',
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H',
      },
    },
    token,
  );
  await graphql(request, 'mutation ($id: ID!) { submitForReview(id: $id) { id } }', { id }, token);
  await graphql(
    request,
    'mutation ($id: ID!) { signOff(id: $id, revision: 2) { id } }',
    { id },
    token,
  );
  const { publishAdvisory } = await graphql<{ publishAdvisory: { reference: string } }>(
    request,
    'mutation ($id: ID!) { publishAdvisory(id: $id, audience: PUBLIC) { reference } }',
    { id },
    token,
  );
  return { id, title, reference: publishAdvisory.reference, workspaceId: createWorkspace.id };
}

/** A draft advisory in `workspaceId`, with a body and an indicator; returns its id. */
export async function createDraftAdvisory(
  request: APIRequestContext,
  token: string,
  workspaceId: string,
  title: string,
): Promise<string> {
  const { createAdvisory } = await graphql<{ createAdvisory: { id: string } }>(
    request,
    'mutation ($input: CreateAdvisoryInput!) { createAdvisory(input: $input) { id } }',
    {
      input: {
        workspaceId,
        title,
        summary: 'Draft summary.',
        body: '## Draft\n\nA **draft** body with a [link](https://cert.example/draft).',
        tlp: 'GREEN',
      },
    },
    token,
  );
  await graphql(
    request,
    'mutation ($id: ID!, $text: String!) { addIndicators(id: $id, expectedRevision: 1, text: $text) { accepted } }',
    { id: createAdvisory.id, text: 'draft.example\nhxxp://draft[.]example/payload' },
    token,
  );
  return createAdvisory.id;
}
