import { type SubmitEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmAction } from '../../components/ConfirmAction';
import { ChoiceSelect, FieldError, FormActions } from '../../components/Form';
import { FormError } from '../../components/States';
import type { AdvisoryWorkflowFragment } from '../../gql/graphql';
import { nameWithOrganization, roleAtLeast } from '../../lib/labels';
import { AddCoAuthorDocument, CoAuthorCandidatesDocument, RemoveCoAuthorDocument } from './documents';

/** The authors, the lead first; the lead adds co-authors from the workspace and removes them. */
export function AuthorsPanel({
  advisory,
  onChanged,
}: {
  advisory: AdvisoryWorkflowFragment;
  onChanged: () => void;
}) {
  const [removeState, remove] = useMutation(RemoveCoAuthorDocument);
  const authors = [...advisory.authors.nodes].sort((a, b) => Number(b.lead) - Number(a.lead));
  return (
    <section aria-labelledby="authors-heading" className="panel">
      <h2 id="authors-heading">Authors</h2>
      <ul className="plain-list author-list">
        {authors.map((author, i) => {
          const name = author.user ? nameWithOrganization(author.user) : (author.organization?.name ?? 'An author');
          return (
            <li key={author.user?.id ?? `hidden-${String(i)}`}>
              <span>
                {name}
                {author.lead && <span className="tag">Lead</span>}
              </span>
              {advisory.viewerCanManageAuthors && !author.lead && author.user && (
                <ConfirmAction
                  trigger="Remove"
                  triggerLabel={`Remove ${author.user.displayName} as co-author`}
                  group={`Confirm removing ${author.user.displayName}`}
                  confirm={`Remove ${author.user.displayName}`}
                  busy={removeState.fetching}
                  onConfirm={() => {
                    const userId = author.user?.id ?? '';
                    void remove({ advisoryId: advisory.id, userId }).then((r) => {
                      if (r.data) onChanged();
                    });
                  }}
                />
              )}
            </li>
          );
        })}
      </ul>
      <FormError error={removeState.error} />
      {advisory.viewerCanManageAuthors && advisory.workspace && (
        <AddCoAuthorForm advisory={advisory} workspaceId={advisory.workspace.id} onAdded={onChanged} />
      )}
    </section>
  );
}

function AddCoAuthorForm({
  advisory,
  workspaceId,
  onAdded,
}: {
  advisory: AdvisoryWorkflowFragment;
  workspaceId: string;
  onAdded: () => void;
}) {
  const [userId, setUserId] = useState('');
  const [members] = useQuery({ query: CoAuthorCandidatesDocument, variables: { id: workspaceId } });
  const [state, add] = useMutation(AddCoAuthorDocument);
  const authorIds = new Set(advisory.authors.nodes.map((a) => a.user?.id));
  const choices =
    members.data?.workspace.members.nodes.flatMap(({ role, user }) =>
      user && roleAtLeast(role, 'CONTRIBUTOR') && !authorIds.has(user.id)
        ? [{ value: user.id, label: nameWithOrganization(user) }]
        : [],
    ) ?? [];

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const result = await add({ advisoryId: advisory.id, userId });
    if (result.data) {
      setUserId('');
      onAdded();
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="add-author-heading" className="add-author">
      <h3 id="add-author-heading">Add a co-author</h3>
      <div className="field">
        <label htmlFor="co-author">Workspace member (contributors and above)</label>
        <ChoiceSelect id="co-author" value={userId} onChange={setUserId} query={members} choices={choices} />
        <p className="hint">Their organisation joins the sign-off list.</p>
        <FieldError error={state.error} field="userId" inputId="co-author" />
      </div>
      <FormActions state={state} submit="Add co-author" submitting="Adding…" fields={['userId']} />
    </form>
  );
}
