import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { Glossary, formsOf } from '../../src/core/glossary/glossary';
import type { Concept, Lang } from '../../src/core/glossary/types';
import { conceptsInMarkdown, findTerms, termMarks, tipFor, tipLang, type TermMarker } from '../../src/core/present/termMarks';
import { explainHref, parseRendererMessage, parseRendererTerms, type RendererTerms } from '../../src/webviewProtocol/notebookTerms';
import { NotebookMarker } from '../../notebook-src/marker';
import { makeConcept } from './fixtures';

const HOSTILE = `<img src=x onerror="alert(1)"> & [link](command:workbench.action.quit) **bold** "quoted" 'single'`;

function concept(id: string, en: [string, string[]], fr: [string, string[]], definition = `The ${en[0]} of the tests.`): Concept {
  const side = ([term, aliases]: [string, string[]], text: string) => ({ term, aliases, definition: text, explanation: text, example: text });
  return makeConcept(id, { en: side(en, definition), fr: side(fr, `Le ${fr[0]} des tests.`) });
}

const glossary = new Glossary([
  concept('self-attention', ['self-attention', []], ['auto-attention', []]),
  concept('fine-tuning', ['fine-tuning', ['finetuning']], ['affinage', []]),
  concept('neural-network', ['neural network', []], ['réseau de neurones', []]),
  concept('transformer', ['Transformer', []], ['Transformer', []]),
  concept('hostile', ['zorglub layer', []], ['couche zorglub', []], HOSTILE),
]);

/** A marker over the test glossary, as the preview's (its tooltips in English unless the form is French). */
function glossaryMarker(enabled = () => true): TermMarker {
  return {
    find: (text, zone) => (enabled() ? findTerms(glossary.matcher, text, zone, false) : []),
    tip: (id, matched) => {
      const found = glossary.get(id);
      const lang = tipLang('auto', matched, 'en');
      return found && tipFor(found, lang, explainHref('vscode://concept-explainer.concept-explainer/explain', id, lang), 'Click to open the full explanation');
    },
  };
}

/** markdown-it as VS Code's preview sets it up: heading ids from the heading's tokens, computed before the plugin runs. */
function previewMarkdown(marker: TermMarker | undefined): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
    const title = (tokens[idx + 1]!.children ?? []).map((token) => (token.type === 'text' || token.type === 'code_inline' ? token.content : '')).join('');
    tokens[idx]!.attrSet('id', title.trim().toLowerCase().replace(/\s+/g, '-'));
    return self.renderToken(tokens, idx, options);
  };
  return marker ? md.use(termMarks, marker) : md;
}

/** The marked terms of some HTML: [text, concept id]. */
function marked(html: string): Array<[string, string]> {
  return [...html.matchAll(/<a class="concept-term" href="[^"]*" data-concept="([^"]+)" data-lang="(?:fr|en)">([^<]*)</g)].map((m) => [m[2]!, m[1]!]);
}

describe('terms marked in rendered Markdown', () => {
  const md = previewMarkdown(glossaryMarker());

  it('marks terms in prose as links to their explanation, with the definition in a tooltip', () => {
    const html = md.render('Self-attention and « l\'affinage » are two ideas.');
    assert.deepEqual(marked(html), [['Self-attention', 'self-attention'], ['affinage', 'fine-tuning']]);
    assert.ok(html.includes('href="vscode://concept-explainer.concept-explainer/explain?id=self-attention&amp;lang=en"'), html);
    assert.ok(html.includes('<strong>self-attention</strong><span class="concept-tip-other"> · auto-attention</span>'), html);
    assert.ok(html.includes('<span class="concept-tip-definition">The fine-tuning of the tests.</span>'), html);
    assert.ok(html.includes('<span class="concept-tip-hint">Click to open the full explanation</span>'), html);
  });

  it("shows the side of the form's language where the line is too short to tell its own", () => {
    const html = md.render('« affinage »');
    assert.ok(html.includes('<span class="concept-tip" role="tooltip" lang="fr"><span class="concept-tip-head"><strong>affinage</strong>'), html);
    assert.ok(html.includes('<span class="concept-tip-definition">Le affinage des tests.</span>'), html);
  });

  it("shows the side of the sentence's language, as hovers do, in prose and in code spans", () => {
    const html = md.render("On fait du fine-tuning sur nos données, puis on règle `self_attention` dans le modèle.");
    assert.match(html, /data-concept="fine-tuning" data-lang="fr">fine-tuning<span class="concept-tip" role="tooltip" lang="fr"><span class="concept-tip-head"><strong>affinage<\/strong>/);
    assert.match(html, /data-concept="self-attention" data-lang="fr">self_attention</);
  });

  it('marks terms in code spans, never in fenced or indented code blocks', () => {
    const html = md.render('Call `self_attention(x)` here.\n\n```python\nself_attention = 1  # fine-tuning\n```\n\n    neural network\n');
    assert.deepEqual(marked(html), [['self_attention', 'self-attention']]);
    assert.match(html, /<code><a class="concept-term"[^>]*>self_attention<span class="concept-tip"/);
    assert.ok(html.includes('<pre><code class="language-python">self_attention = 1  # fine-tuning\n</code></pre>'), html);
  });

  it('never marks inside a link, an autolink or a raw <a>, and marks the text around them', () => {
    const html = md.render('[self-attention](https://example.org) <https://example.org/fine-tuning> <a href="https://x.org">neural network</a> then a neural network');
    assert.deepEqual(marked(html), [['neural network', 'neural-network']]);
    assert.ok(html.includes('<a href="https://example.org">self-attention</a>'), html);
  });

  it("leaves headings' anchors as they were, and marks the heading's text", () => {
    const source = '## Fine-tuning a `Transformer`\n\nText.';
    const plain = previewMarkdown(undefined).render(source);
    const html = md.render(source);
    assert.match(plain, /<h2 id="fine-tuning-a-transformer">/);
    assert.match(html, /<h2 id="fine-tuning-a-transformer">/);
    assert.deepEqual(marked(html), [['Fine-tuning', 'fine-tuning'], ['Transformer', 'transformer']]);
  });

  it('escapes every piece of glossary text: a definition with HTML, Markdown and quotes shows as written', () => {
    const html = md.render('A zorglub layer.');
    assert.deepEqual(marked(html), [['zorglub layer', 'hostile']]);
    assert.ok(!html.includes('<img'), html);
    assert.ok(!html.includes('<strong>bold'), html);
    assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; [link](command:workbench.action.quit) **bold** &quot;quoted&quot;'), html);
  });

  it('renders exactly as without the plugin when the marker finds nothing (the setting off)', () => {
    let enabled = false;
    const off = previewMarkdown(glossaryMarker(() => enabled));
    const source = '# Self-attention\n\nA `neural network` and [fine-tuning](https://x.org), self-attention.\n\n| a | b |\n|---|---|\n| affinage | x |';
    assert.equal(off.render(source), previewMarkdown(undefined).render(source));
    enabled = true;
    assert.deepEqual(marked(off.render(source)).map(([, id]) => id), ['self-attention', 'neural-network', 'self-attention', 'fine-tuning']);
  });

  it('keeps the text rule of other plugins for the text around the marks', () => {
    const shouting = new MarkdownIt();
    shouting.renderer.rules.text = (tokens, idx) => tokens[idx]!.content.toUpperCase();
    shouting.use(termMarks, glossaryMarker());
    assert.equal(shouting.renderInline('use fine-tuning now').replace(/<span class="concept-tip".*<\/span><\/a>/, '</a>'), 'USE <a class="concept-term" href="vscode://concept-explainer.concept-explainer/explain?id=fine-tuning&amp;lang=en" data-concept="fine-tuning" data-lang="en">fine-tuning</a> NOW');
  });

  it('a marker that throws leaves the text unmarked', () => {
    const broken = new MarkdownIt().use(termMarks, { find: () => { throw new Error('boom'); }, tip: () => undefined });
    assert.equal(broken.render('fine-tuning'), '<p>fine-tuning</p>\n');
  });

  it('lists the concepts a Markdown text would mark, in order, as a notebook renderer needs them', () => {
    const ids = conceptsInMarkdown(new MarkdownIt({ html: true, linkify: true }), '# A neural network\n\n[self-attention](https://x.org) `fine_tuning`\n\n```\nTransformer\n```', (text, zone) => findTerms(glossary.matcher, text, zone, false));
    assert.deepEqual(ids, ['neural-network', 'fine-tuning']);
  });
});

describe("a notebook renderer's terms", () => {
  /** What the host sends for some concepts (src/vscode/notebookTerms.ts does the same from a notebook). */
  function termsFor(ids: string[], language: 'auto' | Lang = 'auto'): RendererTerms {
    const concepts = glossary.concepts.filter((c) => ids.includes(c.id)).map((c) => ({
      id: c.id,
      forms: formsOf(c).map((form) => [form.lang, form.text, form.preferred] as const),
      fr: { term: c.fr.term, definition: c.fr.definition },
      en: { term: c.en.term, definition: c.en.definition },
    }));
    return { type: 'terms', enabled: true, ml: false, language, uiLang: 'en', hint: 'Click', linkBase: 'vscode://concept-explainer.concept-explainer/explain', concepts };
  }

  it('marks what the preview marks, from the forms of the concepts the notebook names alone', () => {
    const source = '# Fine-tuning\n\nA neural network with self-attention, `finetuning` and « l\'auto-attention ». [Transformer](https://x.org)';
    const ids = conceptsInMarkdown(new MarkdownIt({ html: true, linkify: true }), source, (text, zone) => findTerms(glossary.matcher, text, zone, false));
    const marker = new NotebookMarker();
    marker.update(parseRendererTerms(JSON.parse(JSON.stringify(termsFor(ids))))!);
    const inNotebook = previewMarkdown(marker).render(source);
    assert.equal(inNotebook, previewMarkdown(glossaryMarker()).render(source).replace(/>Click to open the full explanation</g, '>Click<'));
    assert.equal(marked(inNotebook).length, 5);
  });

  it('shows the language the setting asks for, and nothing when the setting is off', () => {
    const marker = new NotebookMarker();
    marker.update(termsFor(['fine-tuning'], 'fr'));
    assert.match(previewMarkdown(marker).render('fine-tuning'), /lang="fr"><span class="concept-tip-head"><strong>affinage<\/strong>/);
    marker.update({ ...termsFor(['fine-tuning']), enabled: false });
    assert.equal(previewMarkdown(marker).render('fine-tuning'), '<p>fine-tuning</p>\n');
  });

  it('takes only well-formed terms and messages within bounds', () => {
    const good = termsFor(['fine-tuning']);
    assert.deepEqual(parseRendererTerms(good), good);
    assert.equal(parseRendererTerms({ ...good, concepts: [{ ...good.concepts[0]!, id: '../x' }] }), undefined);
    assert.equal(parseRendererTerms({ ...good, linkBase: 'x'.repeat(5000) }), undefined);
    assert.equal(parseRendererTerms({ ...good, concepts: new Array(2001).fill(good.concepts[0]) }), undefined);
    assert.equal(parseRendererTerms({ ...good, language: 'de' }), undefined);
    assert.deepEqual(parseRendererMessage({ type: 'explain', id: 'fine-tuning', lang: 'fr', extra: 1 }), { type: 'explain', id: 'fine-tuning', lang: 'fr' });
    assert.deepEqual(parseRendererMessage({ type: 'explain', id: 'fine-tuning', lang: 'de' }), { type: 'explain', id: 'fine-tuning' });
    assert.equal(parseRendererMessage({ type: 'explain', id: '<script>' }), undefined);
    assert.equal(parseRendererMessage('ready'), undefined);
  });
});
