/**
 * The editor's live preview of Markdown: `marked` (GitHub-flavoured, as the server's
 * renderer: tables, strikethrough, task lists) and DOMPurify, in the browser only. What is
 * saved is always rendered again and sanitised by the server (`bodyHtml`); this only shows
 * what it will look like. Nothing in the preview may break the page's Content-Security-Policy:
 * no style attributes, and images only from this origin (others keep their alt text).
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

const purify = DOMPurify();

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (/^https?:/i.test(href)) node.setAttribute('rel', 'noopener noreferrer nofollow');
  }
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    let sameOrigin: boolean;
    try {
      sameOrigin = new URL(src, window.location.href).origin === window.location.origin;
    } catch {
      sameOrigin = false;
    }
    if (!sameOrigin) {
      node.replaceWith(document.createTextNode(node.getAttribute('alt') ?? ''));
    }
  }
});

export function renderMarkdown(text: string): string {
  const html = markdown.parse(text) as string;
  return purify.sanitize(html, {
    FORBID_ATTR: ['style'],
    FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|\/|\.)/i,
  });
}
