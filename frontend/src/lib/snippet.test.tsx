import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Snippet } from '../components/Snippet';
import { decodeEntities, parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('splits marked and plain text and decodes entities', () => {
    expect(parseSnippet('&lt;b&gt;<mark>lockbit</mark>&lt;/b&gt; &amp; co')).toEqual([
      { text: '<b>', marked: false },
      { text: 'lockbit', marked: true },
      { text: '</b> & co', marked: false },
    ]);
  });

  it('keeps every other tag as text', () => {
    expect(parseSnippet('<img src=x onerror=alert(1)> <mark>x</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', marked: false },
      { text: 'x', marked: true },
    ]);
  });

  it('decodes numeric and named entities', () => {
    expect(decodeEntities('&quot;a&quot; &#39;b&#39; &#x41; &unknown;')).toBe('"a" \'b\' A &unknown;');
  });
});

describe('Snippet', () => {
  it('renders highlights as <mark> and never as HTML', () => {
    const { container } = render(
      <Snippet html={'&lt;script&gt;alert(1)&lt;/script&gt; <mark>ransomware</mark> group'} />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('ransomware');
    expect(container.textContent).toBe('<script>alert(1)</script> ransomware group');
  });
});
