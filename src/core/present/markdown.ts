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
  return escapeMarkdownText(text).replace(/\s+/g, ' ');
}

/** The characters Markdown could read as syntax, links and autolinks included (`:`, `/`, `@`). */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()#+\-.!|<>~&$:/@]/g;

/**
 * Text to show as written where Markdown is rendered, its lines kept: a streamed answer in Restricted Mode, which
 * may quote a workspace's glossary (`[portal](https://...)` must not become a link). Escaping is done character by
 * character, so each streamed piece can be escaped on its own.
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(MARKDOWN_SYNTAX, (ch) => `\\${ch}`);
}

/** `escapeMarkdownText` undone: the text as it was written. */
export function unescapeMarkdownText(escaped: string): string {
  return escaped.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&$:/@])/g, '$1');
}

/**
 * A chat answer as HTML: rendered Markdown, or in Restricted Mode plain text, as the panel shows a workspace's
 * entries there. An answer composed in Restricted Mode quotes the glossary, the workspace's entries included; the
 * bundled glossary's passages carry no Markdown, so plain text loses nothing.
 */
export function renderAnswer(answer: string, restricted: boolean): string {
  return restricted ? renderPlainText(answer) : renderMarkdown(answer);
}
