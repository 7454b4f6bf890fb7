import { parseSnippet } from '../lib/snippet';

/** A search snippet with its matches highlighted; rendered as text, never as HTML. */
export function Snippet({ html }: { html: string }) {
  return (
    <>
      {parseSnippet(html).map((part, i) =>
        part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
