import MarkdownIt from 'markdown-it';

/**
 * The one Markdown renderer for glossary and model text. Raw HTML is never passed through (`html: false`
 * escapes it), and links keep only web addresses: a `javascript:` or `command:` link becomes plain text.
 */
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false });
const SAFE_LINK = /^https?:\/\//i;
renderer.validateLink = (url: string) => SAFE_LINK.test(url.trim());

export function renderMarkdown(markdown: string): string {
  return renderer.render(markdown);
}

/** Text shown exactly as written, one paragraph per blank-line-separated block: no Markdown, no links. */
export function renderPlainText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((block) => block.trim())
    .map((block) => `<p>${renderer.utils.escapeHtml(block)}</p>`)
    .join('\n');
}

/**
 * Escapes every character that Markdown could read as syntax (links and autolinks included: `:`, `/`, `@`), so
 * glossary text shows as written, on lines that wrap between words.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$:/@]/g, (ch) => `\\${ch}`).replace(/\s+/g, ' ');
}
