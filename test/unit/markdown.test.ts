import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, renderMarkdown } from '../../src/core/present/markdown';
import { parsePanelState, parseWebviewMessage } from '../../src/webviewProtocol/panelMessages';

describe('Markdown rendering', () => {
  it('escapes hover text so that no Markdown, link or autolink survives, even with a renderer that links bare URLs', () => {
    const hostile = 'See https://evil.example/x?y=1, www.evil.example, bob@evil.example, [click](command:rm) <b>x</b> **bold** `code`';
    const linkifying = new MarkdownIt({ html: false, linkify: true });
    const html = linkifying.renderInline(escapeMarkdown(hostile));
    assert.ok(!/<a |<b>|<strong>|<code>/.test(html), html);
    assert.equal(linkifying.utils.unescapeAll(html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')), hostile, 'shown as written');
    assert.equal(escapeMarkdown('two  words\nand\u00a0more'), 'two words and more', 'ordinary spaces, so lines wrap between words');
  });

  it('renders Markdown', () => {
    assert.equal(renderMarkdown('**bold** and `code`').trim(), '<p><strong>bold</strong> and <code>code</code></p>');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<img src=x onerror=alert(1)> <script>alert(1)</script>');
    assert.ok(!html.includes('<img'), html);
    assert.ok(!html.includes('<script'), html);
    assert.ok(html.includes('&lt;script&gt;'), html);
  });

  it('keeps web links and drops javascript: and command: links', () => {
    assert.match(renderMarkdown('[paper](https://example.org/p)'), /<a href="https:\/\/example.org\/p">paper<\/a>/);
    assert.ok(!renderMarkdown('[x](javascript:alert(1))').includes('<a'));
    assert.ok(!renderMarkdown('[x](command:workbench.action.quit)').includes('<a'));
  });
});

describe('panel messages', () => {
  it('accepts well-formed messages from the webview', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'openConcept', id: 'self-attention' }), { type: 'openConcept', id: 'self-attention' });
    assert.deepEqual(parseWebviewMessage({ type: 'setLanguage', lang: 'fr' }), { type: 'setLanguage', lang: 'fr' });
    assert.deepEqual(parseWebviewMessage({ type: 'back', extra: 1 }), { type: 'back' });
  });

  it('drops anything else', () => {
    for (const bad of [null, 'ready', {}, { type: 'openConcept', id: '../../etc' }, { type: 'setLanguage', lang: 'de' }, { type: 'setFollow', follow: 'yes' }, { type: 'eval' }]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('restores only a valid saved state', () => {
    assert.deepEqual(parsePanelState({ conceptId: 'gpt', lang: 'en' }), { conceptId: 'gpt', lang: 'en' });
    assert.deepEqual(parsePanelState({ conceptId: '<b>', lang: 'xx' }), { conceptId: undefined, lang: undefined });
    assert.deepEqual(parsePanelState(undefined), {});
  });
});
