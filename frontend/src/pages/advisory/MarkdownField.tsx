import { useDeferredValue, useMemo } from 'react';
import { renderMarkdown } from '../../advisories/markdown';
import { FieldError, invalidProps } from '../../components/Form';

/** A Markdown textarea with its live preview beside it (below it on narrow screens). */
export function MarkdownField({
  id,
  field,
  label,
  value,
  onChange,
  error,
  rows = 12,
  maxLength,
  disabled,
}: {
  id: string;
  /** The API's name of the field, for its input errors. */
  field: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: unknown;
  rows?: number;
  maxLength?: number;
  disabled?: boolean;
}) {
  const deferred = useDeferredValue(value);
  const html = useMemo(() => renderMarkdown(deferred), [deferred]);
  return (
    <div className="field markdown-field">
      <label htmlFor={id}>{label} (Markdown)</label>
      <div className="markdown-split">
        <textarea
          id={id}
          rows={rows}
          maxLength={maxLength}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          {...invalidProps(error, field, id)}
        />
        <section className="markdown-preview" aria-label={`Preview of ${label}`}>
          <p className="preview-label" aria-hidden="true">
            Preview
          </p>
          {deferred.trim() === '' ? (
            <p className="hint">Nothing to preview yet.</p>
          ) : (
            <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />
          )}
        </section>
      </div>
      <FieldError error={error} field={field} inputId={id} />
    </div>
  );
}
