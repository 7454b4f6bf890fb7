/**
 * Three-way merge of an advisory's content, for a save that met a newer revision (CONFLICT)
 * and for an editor whose base revision went stale: `base` is the revision the user started
 * from, `mine` their unsaved draft, `theirs` the current revision. A field only one side
 * changed takes that side's value; a field both changed differently is a conflict the user
 * decides (theirs, mine, or an edit of their own). Nothing the user typed is dropped unless
 * they choose so.
 */
import { type Draft, type Field, FIELDS, sameValue, withField } from './fields';

export type FieldState =
  /** Nobody changed it. */
  | 'unchanged'
  /** Only the user changed it: their value is kept. */
  | 'mine'
  /** Only the other author changed it: their value is taken. */
  | 'theirs'
  /** Both changed it to the same value. */
  | 'same'
  /** Both changed it, differently: the user decides. */
  | 'conflict';

export interface FieldMerge {
  readonly field: Field;
  readonly state: FieldState;
}

function changed(a: Draft, b: Draft, field: Field): boolean {
  // An indicator list that is not loaded whole was not edited here.
  if (field === 'indicators' && (a.indicators === null || b.indicators === null)) return false;
  return !sameValue(a, b, field);
}

export function mergeFields(base: Draft, mine: Draft, theirs: Draft): FieldMerge[] {
  return FIELDS.map((field) => {
    const mineChanged = changed(base, mine, field);
    const theirsChanged = changed(base, theirs, field);
    let state: FieldState;
    if (!mineChanged && !theirsChanged) state = 'unchanged';
    else if (mineChanged && !theirsChanged) state = 'mine';
    else if (!mineChanged) state = 'theirs';
    else if (!changed(mine, theirs, field)) state = 'same';
    else state = 'conflict';
    return { field, state };
  });
}

export type Choice = 'mine' | 'theirs' | 'edited';

/**
 * The merged draft to save against `theirs`: theirs, with the user's value for every field
 * only they changed, and for each conflict the choice made (`mine` when none was made, so
 * nothing typed is lost by default). Fields `edited` keep the value in `edits`.
 */
export function mergedDraft(
  base: Draft,
  mine: Draft,
  theirs: Draft,
  choices: Partial<Record<Field, Choice>> = {},
  edits: Partial<Draft> = {},
): Draft {
  let merged: Draft = { ...theirs };
  // The indicator list of `theirs` may not be loaded; the user's, if any, is then kept whole.
  if (merged.indicators === null && mine.indicators !== null && changed(base, mine, 'indicators')) {
    merged = withField(merged, mine, 'indicators');
  }
  for (const { field, state } of mergeFields(base, mine, theirs)) {
    if (state === 'mine') merged = withField(merged, mine, field);
    if (state === 'conflict') {
      const choice = choices[field] ?? 'mine';
      if (choice === 'mine') merged = withField(merged, mine, field);
      if (choice === 'edited' && field in edits) merged = { ...merged, [field]: edits[field] };
    }
  }
  return merged;
}

export function conflicts(merges: readonly FieldMerge[]): Field[] {
  return merges.filter((m) => m.state === 'conflict').map((m) => m.field);
}

/**
 * The editor's draft carried over to a newer revision nobody here conflicts with: fields the
 * user did not touch take the new revision's value, fields they changed keep theirs. Used
 * after the editor's own save or indicator paste (the new revision is then the base).
 */
export function rebase(oldBase: Draft, newBase: Draft, draft: Draft): Draft {
  let result: Draft = { ...newBase };
  for (const field of FIELDS) {
    if (changed(oldBase, draft, field)) result = withField(result, draft, field);
  }
  return result;
}
