/** The parts the screens' forms are made of, beyond plain inputs. */
import type { ReactNode } from 'react';
import { describeError, errorField, isFieldError } from '../errors/messages';
import type { Tlp } from '../gql/graphql';
import { ErrorNotice, FormError } from './States';
import { TLP_MEANING, TLP_ORDER, tlpLabel } from './TlpBadge';

/**
 * The end of a form: the error of its last submission, then the submit button, which says what
 * is happening while the request runs, and Cancel where the form can be left.
 */
export function FormActions({
  state,
  submit,
  submitting,
  onCancel,
  danger = false,
  fields = [],
}: {
  /** The mutation's state (urql's `useMutation`). */
  state: { readonly fetching: boolean; readonly error?: unknown };
  /** The fields the form shows with a `FieldError`: their input errors are shown there. */
  fields?: readonly string[];
  /** The submit button's text, e.g. "Create workspace". */
  submit: string;
  /** Its text while the request runs, e.g. "Creating…". */
  submitting: string;
  onCancel?: () => void;
  danger?: boolean;
}) {
  return (
    <>
      <FormError error={isFieldError(state.error, fields) ? undefined : state.error} />
      <div className="actions">
        <button
          type="submit"
          className={danger ? 'button-danger' : 'button-primary'}
          disabled={state.fetching}
        >
          {state.fetching ? submitting : submit}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}

/**
 * A required choice among options a query loads: "Loading…" until they are there, and the
 * query's error in place of the select when it failed.
 */
export function ChoiceSelect({
  id,
  value,
  onChange,
  query,
  choices,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** The state of the query that loads the choices (urql's `useQuery`). */
  query: { readonly fetching: boolean; readonly error?: unknown };
  choices: readonly { readonly value: string; readonly label: string }[];
}) {
  if (query.error) return <ErrorNotice error={query.error} />;
  return (
    <select id={id} required value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{query.fetching ? 'Loading…' : 'Choose…'}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/**
 * A select over a fixed set of values (an enum of the schema, a filter), each shown with its
 * label; `options` says which and in what order (by default every key of `labels`, in the
 * order they are written there).
 */
export function EnumSelect<T extends string>({
  id,
  value,
  onChange,
  labels,
  options = Object.keys(labels) as T[],
  disabled,
}: {
  id: string;
  value: T;
  onChange: (value: T) => void;
  labels: Readonly<Record<T, string>>;
  options?: readonly T[];
  disabled?: boolean;
}) {
  return (
    <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((option) => (
        <option key={option} value={option}>
          {labels[option]}
        </option>
      ))}
    </select>
  );
}

/** Checkboxes for choosing any number of `options`; `selected` holds the values chosen. */
export function CheckboxGroup<T extends string>({
  options,
  selected,
  onChange,
}: {
  options: readonly { readonly value: T; readonly label: ReactNode }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
}) {
  return (
    <div className="checkbox-grid">
      {options.map(({ value, label }) => (
        <label key={value} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(e) =>
              onChange(e.target.checked ? [...selected, value] : selected.filter((v) => v !== value))
            }
          />
          {label}
        </label>
      ))}
    </div>
  );
}

const TLP_CHOICES = Object.fromEntries(
  TLP_ORDER.map((tlp) => [tlp, `${tlpLabel(tlp)} — ${TLP_MEANING[tlp]}`]),
) as Record<Tlp, string>;

/** A chooser among `options` of the markings, each with what it means. */
export function TlpSelect(props: {
  id: string;
  value: Tlp;
  onChange: (tlp: Tlp) => void;
  options: readonly Tlp[];
}) {
  return <EnumSelect {...props} labels={TLP_CHOICES} />;
}

/** The element id of the error shown under the input `inputId`. */
export function fieldErrorId(inputId: string): string {
  return `${inputId}-error`;
}

/**
 * The server's BAD_USER_INPUT message, under the input of the field it names
 * (`extensions.field`); nothing for other errors or other fields.
 */
export function FieldError({
  error,
  field,
  inputId,
}: {
  error: unknown;
  /** The API's name of the field, e.g. `cvssVector`. */
  field: string;
  inputId: string;
}) {
  if (errorField(error) !== field) return null;
  return (
    <p className="field-error" id={fieldErrorId(inputId)} role="alert">
      {describeError(error)}
    </p>
  );
}

/** `aria-invalid` and `aria-describedby` of an input whose field the error names. */
export function invalidProps(error: unknown, field: string, inputId: string) {
  return errorField(error) === field
    ? { 'aria-invalid': true as const, 'aria-describedby': fieldErrorId(inputId) }
    : {};
}
