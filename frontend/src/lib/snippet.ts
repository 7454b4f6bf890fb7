/**
 * Search snippets come as HTML-escaped text with the matched words in `<mark>`. They are
 * turned into text parts here and rendered as React text and <mark> elements, never as HTML:
 * whatever the string holds besides those two tags stays text.
 */
export interface SnippetPart {
  readonly text: string;
  readonly marked: boolean;
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const hex = entity[1] === 'x' || entity[1] === 'X';
      const code = Number.parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[entity.toLowerCase()] ?? whole;
  });
}

export function parseSnippet(html: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<mark>|<\/mark>)/i)) {
    const tag = piece.toLowerCase();
    if (tag === '<mark>') {
      marked = true;
    } else if (tag === '</mark>') {
      marked = false;
    } else if (piece !== '') {
      const text = decodeEntities(piece);
      const last = parts[parts.length - 1];
      if (last?.marked === marked) {
        parts[parts.length - 1] = { text: last.text + text, marked };
      } else {
        parts.push({ text, marked });
      }
    }
  }
  return parts;
}
