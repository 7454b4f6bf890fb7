import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders GitHub-flavoured Markdown', () => {
    const html = renderMarkdown('# Title\n\n**bold** ~~gone~~\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<table>');
  });

  it('keeps nothing that runs, styles, or loads from elsewhere', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><p style="color:red" onclick="x()">hi</p>\n\n[x](javascript:alert(1)) ![logo](https://evil.example/a.png)',
    );
    expect(html).not.toMatch(/script|style=|onclick|javascript:|evil\.example/);
    expect(html).toContain('hi');
    expect(html).toContain('logo');
  });

  it('marks outside links noopener', () => {
    expect(renderMarkdown('[cert](https://cert.example)')).toContain('rel="noopener noreferrer nofollow"');
  });
});
