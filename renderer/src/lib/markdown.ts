/**
 * Markdown to safe HTML for previews. Two layers: raw HTML typed or imported into Markdown is shown as text (never
 * parsed as markup), and DOMPurify then removes anything executable marked itself could produce (javascript: links).
 * Escaping first also keeps the sanitiser from parsing hostile attributes at all: Chromium reports a CSP violation
 * for every inline handler DOMPurify's parser meets, and e2e/security.spec.ts treats any violation as a failure.
 */
import DOMPurify from 'dompurify';
import { safeLink } from '../../../contract/links';
import { Marked } from 'marked';
import { readMark } from '../../../contract/handling';
import { t } from './i18n';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  // Links open outside the app (the shell decides whether to allow them), never in the app window.
  if (node.tagName === 'A') {
    // Rebuilt from the parsed target: a mailto: keeps its one address and loses any ?attach= query (contract/links.ts).
    const target = safeLink(node.getAttribute('href') ?? '');
    if (target) node.setAttribute('href', target);
    else node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const md = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // A handling mark (<!-- handling: internal -->) shows as a label above its paragraph; other HTML as text.
    html: ({ text }) => {
      const mark = readMark(text);
      return mark ? `<p class="handling-mark">[${escapeHtml(t(`enum.handling.${mark}`))}]</p>` : escapeHtml(text);
    },
  },
});

export function renderMarkdown(src: string): string {
  const html = md.parse(src, { async: false }) as string;
  return DOMPurify.sanitize(html, { ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:|#)/i });
}
