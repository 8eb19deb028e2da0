import type MarkdownIt from 'markdown-it';
import type { TermMatch, TermMatcher } from '../matching/matcher';
import { otherLang, type Lang } from '../glossary/types';
import { lineLanguage } from './lineLanguage';

/**
 * Marks the glossary's terms in rendered Markdown (the Markdown preview, notebooks' Markdown cells): each term
 * becomes a link to its explanation that shows its definition on hover, from a stylesheet alone.
 *
 * The marks are made while rendering, never in the token stream: a heading's anchor, which VS Code computes from
 * its tokens, stays what it was. Terms are marked in prose and in code spans, as hovers show them there, and
 * never inside a link, in a fenced or indented code block or in raw HTML. Every piece of glossary text is escaped.
 */

/** Where a piece of Markdown text is: prose, or an inline code span. */
export type MarkZone = 'prose' | 'code';

/** A term found in a piece of text: `[start, end)`, its concept, and the language of the form (`undefined`: both). */
export interface TermMark {
  readonly start: number;
  readonly end: number;
  readonly conceptId: string;
  readonly lang: Lang | undefined;
}

/** What a marked term's tooltip shows, in the language chosen for it. Plain text: it is escaped here. */
export interface TermTip {
  readonly term: string;
  /** The term in the other language, when it is written differently. */
  readonly other?: string;
  readonly definition: string;
  readonly lang: Lang;
  /** Where the mark links to (the explanation panel). */
  readonly href: string;
  /** A short line saying what a click does. */
  readonly hint: string;
}

/** Where the terms and their tooltips come from: the glossary on the extension host, or what a renderer was sent. */
export interface TermMarker {
  /** The terms of a piece of text. `env` is markdown-it's render environment (the preview's has the document). */
  find(text: string, zone: MarkZone, env: unknown): readonly TermMark[];
  tip(conceptId: string, matchedLang: Lang | undefined): TermTip | undefined;
}

/** The CSS classes the stylesheet (media/terms.css) and the tests rely on. */
export const MARK_CLASS = 'concept-term';
export const TIP_CLASS = 'concept-tip';

type Token = ReturnType<MarkdownIt['parse']>[number];
type RenderRule = NonNullable<MarkdownIt['renderer']['rules']['text']>;

/** Marks from matcher results: the first concept of each match, and its form's language when only one has it. */
export function marksOf(matches: readonly TermMatch<Lang>[]): TermMark[] {
  return matches.map((match) => {
    const first = match.forms[0]!;
    const langs = new Set(match.forms.filter((form) => form.conceptId === first.conceptId).map((form) => form.lang));
    return { start: match.start, end: match.end, conceptId: first.conceptId, lang: langs.size === 1 ? first.lang : undefined };
  });
}

/**
 * The terms of a piece of Markdown through the hovers' matcher and context: a code span is code, the rest prose,
 * and `ml` says whether the document is about machine learning (the field's short forms count only there).
 */
export function findTerms(matcher: TermMatcher<Lang>, text: string, zone: MarkZone, ml: boolean): TermMark[] {
  return marksOf(matcher.findAll(text, { code: zone === 'code', codeFile: false, ml }));
}

/** The language a tooltip is shown in: the setting, else the language of the form that was found, else the UI's. */
export function tipLang(setting: 'auto' | Lang, matched: Lang | undefined, ui: Lang): Lang {
  return setting === 'auto' ? (matched ?? ui) : setting;
}

/** A tooltip from a concept's two sides (its term and definition in each language). */
export function tipFor(sides: Readonly<Record<Lang, { readonly term: string; readonly definition: string }>>, lang: Lang, href: string, hint: string): TermTip {
  const entry = sides[lang];
  const other = sides[otherLang(lang)].term;
  return { term: entry.term, ...(other.toLowerCase() !== entry.term.toLowerCase() && { other }), definition: entry.definition, lang, href, hint };
}

/** The markdown-it plugin: `md.use(termMarks, marker)`. */
export function termMarks(md: MarkdownIt, marker: TermMarker): void {
  const escape = md.utils.escapeHtml;
  const plainText: RenderRule = md.renderer.rules.text ?? ((tokens, idx) => escape(tokens[idx]!.content));
  const plainCode: RenderRule = md.renderer.rules.code_inline ?? ((tokens, idx, _options, _env, self) => `<code${self.renderAttrs(tokens[idx]!)}>${escape(tokens[idx]!.content)}</code>`);

  md.renderer.rules.text = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const marks = outsideLinks(tokens)[idx] ? safeFind(marker, token.content, 'prose', env) : [];
    if (marks.length === 0) return plainText(tokens, idx, options, env, self);
    const mark = (text: string, found: TermMark) => markHtml(md, marker, text, found, sentenceLang(tokens, idx, found));
    // The text between the marks goes through the rule that was there before, as if it were a token of its own.
    return interleave(token.content, marks, (text) => plainText([withContent(token, text)], 0, options, env, self), mark);
  };

  md.renderer.rules.code_inline = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const marks = outsideLinks(tokens)[idx] ? safeFind(marker, token.content, 'code', env) : [];
    if (marks.length === 0) return plainCode(tokens, idx, options, env, self);
    const mark = (text: string, found: TermMark) => markHtml(md, marker, text, found, sentenceLang(tokens, idx, found));
    return `<code${self.renderAttrs(token)}>${interleave(token.content, marks, escape, mark)}</code>`;
  };
}

/**
 * The concepts a Markdown text would show marked, in the order they first appear: what a notebook's renderer
 * needs to be sent. `md` parses the text as the renderer will.
 */
export function conceptsInMarkdown(md: MarkdownIt, source: string, find: (text: string, zone: MarkZone) => readonly TermMark[]): string[] {
  const ids = new Set<string>();
  for (const block of md.parse(source, {})) {
    if (block.type !== 'inline' || !block.children) continue;
    const outside = outsideLinks(block.children);
    block.children.forEach((token, index) => {
      if (!outside[index] || (token.type !== 'text' && token.type !== 'code_inline')) return;
      for (const mark of find(token.content, token.type === 'text' ? 'prose' : 'code')) ids.add(mark.conceptId);
    });
  }
  return [...ids];
}

/** A marker that fails must not break the rendering of the document: its text shows unmarked. */
function safeFind(marker: TermMarker, text: string, zone: MarkZone, env: unknown): readonly TermMark[] {
  try {
    return marker.find(text, zone, env);
  } catch {
    return [];
  }
}

const RAW_LINK_OPEN = /^<a[\s>]/i;
const RAW_LINK_CLOSE = /^<\/a\s*>/i;
const linkFlags = new WeakMap<readonly Token[], boolean[]>();

/** For each token of an inline run, whether it is outside every link (Markdown, autolinks, raw `<a>`), computed once. */
function outsideLinks(tokens: readonly Token[]): boolean[] {
  let flags = linkFlags.get(tokens);
  if (flags) return flags;
  let depth = 0;
  flags = tokens.map((token) => {
    if (token.type === 'link_open' || (token.type === 'html_inline' && RAW_LINK_OPEN.test(token.content))) depth++;
    else if (token.type === 'link_close' || (token.type === 'html_inline' && RAW_LINK_CLOSE.test(token.content))) depth = Math.max(0, depth - 1);
    return depth === 0;
  });
  linkFlags.set(tokens, flags);
  return flags;
}

const lineTexts = new WeakMap<readonly Token[], { text: string; starts: number[] }>();

/** The text of an inline run as its lines read (code spans included, line breaks kept), and where each token starts. */
function lineText(tokens: readonly Token[]): { text: string; starts: number[] } {
  let line = lineTexts.get(tokens);
  if (line) return line;
  let text = '';
  const starts = tokens.map((token) => {
    const start = text.length;
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += '\n';
    else if (token.type === 'html_inline') text += ' ';
    return start;
  });
  line = { text, starts };
  lineTexts.set(tokens, line);
  return line;
}

/**
 * The language of the sentence a term sits in, as hovers choose it (`lineLanguage`): « On fait du fine-tuning
 * sur nos données » shows the French side of fine-tuning. Read on the term's line, code spans included.
 */
function sentenceLang(tokens: readonly Token[], idx: number, mark: TermMark): Lang | undefined {
  const { text, starts } = lineText(tokens);
  const start = starts[idx]! + mark.start;
  const end = starts[idx]! + mark.end;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return lineLanguage(text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd), start - lineStart, end - lineStart);
}

/** A copy of a text token with other content, for the rule that renders plain text. */
function withContent(token: Token, content: string): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token, { content });
}

/** The text with each mark rendered by `marked` and the text around them by `plain`; overlapping marks are skipped. */
function interleave(text: string, marks: readonly TermMark[], plain: (text: string) => string, marked: (text: string, mark: TermMark) => string): string {
  let html = '';
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at || mark.end <= mark.start || mark.end > text.length) continue;
    if (mark.start > at) html += plain(text.slice(at, mark.start));
    html += marked(text.slice(mark.start, mark.end), mark);
    at = mark.end;
  }
  return at < text.length ? html + plain(text.slice(at)) : html;
}

/**
 * A marked term: a link to its explanation, with its tooltip inside (hidden until hovered or focused), in the
 * sentence's language, else the language of the form that named it.
 */
function markHtml(md: MarkdownIt, marker: TermMarker, text: string, mark: TermMark, sentence: Lang | undefined): string {
  const escape = md.utils.escapeHtml;
  const tip = marker.tip(mark.conceptId, sentence ?? mark.lang);
  if (!tip) return escape(text);
  const other = tip.other ? `<span class="concept-tip-other"> · ${escape(tip.other)}</span>` : '';
  return (
    `<a class="${MARK_CLASS}" href="${escape(tip.href)}" data-concept="${escape(mark.conceptId)}" data-lang="${tip.lang}">${escape(text)}` +
    `<span class="${TIP_CLASS}" role="tooltip" lang="${tip.lang}">` +
    `<span class="concept-tip-head"><strong>${escape(tip.term)}</strong>${other}</span>` +
    `<span class="concept-tip-definition">${escape(tip.definition)}</span>` +
    `<span class="concept-tip-hint">${escape(tip.hint)}</span></span></a>`
  );
}
