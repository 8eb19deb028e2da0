/**
 * The explanation panel's page. It builds the DOM with `textContent` for every piece of text; the one HTML
 * fragment it inserts (the explanation) was rendered on the host by a Markdown renderer that escapes raw HTML.
 */
import type { ConceptLink, ConceptView, HistoryItem, HostMessage, PanelState, PanelStrings, WebviewMessage } from '../../src/webviewProtocol/panelMessages';
import { button, el } from '../common/dom';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

function conceptButton(item: ConceptLink): HTMLButtonElement {
  return button(item.term, () => vscode.postMessage({ type: 'openConcept', id: item.id }), { title: item.id });
}

function conceptLinks(items: readonly ConceptLink[]): HTMLElement {
  const list = el('ul', undefined, 'links');
  for (const item of items) {
    const entry = el('li');
    entry.append(conceptButton(item));
    list.append(entry);
  }
  return list;
}

/** `basics → … → this concept`, each step a button. */
function pathTrail(steps: readonly ConceptLink[], current: string): HTMLElement {
  const trail = el('ol', undefined, 'path');
  for (const step of steps) {
    const item = el('li');
    item.append(conceptButton(step));
    trail.append(item);
  }
  const here = el('li', current, 'here');
  here.setAttribute('aria-current', 'page');
  trail.append(here);
  return trail;
}

/** The panel's Back/Forward history as a trail; the shown entry is marked. */
function historyTrail(items: readonly HistoryItem[], currentIndex: number, label: string): HTMLElement {
  const nav = el('nav', undefined, 'history');
  nav.setAttribute('aria-label', label);
  nav.append(el('span', label, 'history-label'));
  const list = el('ol');
  for (const item of items) {
    const entry = el('li');
    if (item.index === currentIndex) {
      const here = el('span', item.label, 'here');
      here.setAttribute('aria-current', 'step');
      entry.append(here);
    } else {
      entry.append(button(item.label, () => vscode.postMessage({ type: 'goToHistory', index: item.index })));
    }
    list.append(entry);
  }
  nav.append(list);
  return nav;
}

function originNote(view: ConceptView, strings: PanelStrings): HTMLElement | undefined {
  if (!view.origin) return undefined;
  const template = view.origin.kind === 'user' ? strings.userConcept : strings.overriddenConcept;
  const note = el('p', template.replace('{0}', view.origin.file), 'origin');
  if (view.origin.plainText) {
    note.append(el('br'), document.createTextNode(strings.plainTextNotice));
  }
  return note;
}

function section(title: string, ...content: Node[]): HTMLElement {
  const node = el('section');
  node.append(el('h2', title), ...content);
  return node;
}

function toolbar(strings: PanelStrings, canGoBack: boolean, canGoForward: boolean, follow: boolean, lang?: 'fr' | 'en'): HTMLElement {
  const bar = el('nav', undefined, 'toolbar');
  bar.setAttribute('aria-label', 'toolbar');
  bar.append(
    button(`← ${strings.back}`, () => vscode.postMessage({ type: 'back' }), { disabled: !canGoBack }),
    button(`${strings.forward} →`, () => vscode.postMessage({ type: 'forward' }), { disabled: !canGoForward }),
  );
  if (lang) {
    const other = lang === 'fr' ? 'en' : 'fr';
    bar.append(button(other.toUpperCase(), () => vscode.postMessage({ type: 'setLanguage', lang: other }), { title: strings.switchLanguage }));
    bar.append(button(strings.askChat, () => vscode.postMessage({ type: 'askChat' })));
  }
  const label = el('label', undefined, 'follow');
  const checkbox = el('input');
  checkbox.type = 'checkbox';
  checkbox.checked = follow;
  checkbox.addEventListener('change', () => vscode.postMessage({ type: 'setFollow', follow: checkbox.checked }));
  label.append(checkbox, document.createTextNode(` ${strings.follow}`));
  bar.append(label);
  return bar;
}

/** Content in the concept's language inside a page whose labels are in the UI's. */
function inLang<T extends HTMLElement>(node: T, lang: string): T {
  node.lang = lang;
  return node;
}

function renderConcept(view: ConceptView, strings: PanelStrings): HTMLElement[] {
  const header = el('header');
  const title = el('h1', view.term);
  title.lang = view.lang;
  const other = el('p', `${view.otherLang.toUpperCase()} · ${view.otherTerm}`, 'other-term');
  other.lang = view.otherLang;
  const meta = el('p', [view.category, view.level, ...view.aliases].join(' · '), 'meta');
  header.append(title, other, meta);
  const origin = originNote(view, strings);
  if (origin) header.append(origin);
  const explanation = inLang(el('div', undefined, 'markdown'), view.lang);
  explanation.innerHTML = view.explanationHtml;
  const parts: HTMLElement[] = [
    header,
    section(strings.definition, inLang(el('p', view.definition, 'definition'), view.lang)),
  ];
  if (view.prerequisites.length > 0) {
    const learnFirst = section(strings.prerequisites, conceptLinks(view.prerequisites));
    if (view.learningPath.length > 1) learnFirst.append(el('h3', strings.learningPath), pathTrail(view.learningPath, view.term));
    parts.push(learnFirst);
  }
  if (view.explanationHtml || view.sections.length > 0) {
    const explained = section(strings.explanation, explanation);
    for (const part of view.sections) explained.append(el('h3', part.title), inLang(el('p', part.text), view.lang));
    parts.push(explained);
  }
  if (view.example) parts.push(section(strings.example, inLang(el('p', view.example), view.lang)));
  if (view.contrasts.length > 0) {
    const contrasts = section(view.contrastsTitle);
    for (const contrast of view.contrasts) {
      const heading = el('h3');
      heading.append(conceptButton(contrast.concept));
      contrasts.append(heading, inLang(el('p', contrast.text), view.lang));
    }
    parts.push(contrasts);
  }
  if (view.next.length > 0) parts.push(section(strings.next, conceptLinks(view.next)));
  if (view.related.length > 0) parts.push(section(strings.related, conceptLinks(view.related)));
  if (view.references.length > 0) {
    const list = el('ul');
    for (const reference of view.references) list.append(el('li', reference));
    parts.push(section(strings.references, list));
  }
  return parts;
}

function render(message: HostMessage): void {
  const content = el('article');
  if (message.type === 'showConcept') {
    content.lang = message.view.labelsLang;
    content.append(
      toolbar(message.strings, message.canGoBack, message.canGoForward, message.follow, message.view.lang),
      ...renderConcept(message.view, message.strings),
    );
    if (message.history.length > 1) content.append(historyTrail(message.history, message.historyIndex, message.strings.history));
    vscode.setState({ conceptId: message.view.id, lang: message.view.lang });
  } else {
    content.append(toolbar(message.strings, message.canGoBack, false, message.follow), el('h1', message.strings.notFound.split('{0}').join(message.query)));
    content.append(
      message.suggestions.length > 0
        ? section(message.strings.closest, conceptLinks(message.suggestions))
        : el('p', message.strings.noSuggestion),
    );
  }
  app.replaceChildren(content);
  app.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message && (message.type === 'showConcept' || message.type === 'showNotFound')) {
    render(message);
  }
});

window.addEventListener('keydown', (event) => {
  if (event.altKey && event.key === 'ArrowLeft') vscode.postMessage({ type: 'back' });
  if (event.altKey && event.key === 'ArrowRight') vscode.postMessage({ type: 'forward' });
});

vscode.postMessage({ type: 'ready' });
