/**
 * The chat view's page. Text is set with `textContent`; the only HTML inserted is a finished answer that
 * the host rendered with its sanitising Markdown renderer.
 */
import type { ChatHostMessage, ChatPhase, ChatStrings, ChatTurnView, ChatWebviewMessage } from '../../src/webviewProtocol/chatMessages';
import { button, el } from '../common/dom';

interface VsCodeApi {
  postMessage(message: ChatWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let strings: ChatStrings | undefined;
let examples: readonly string[] = [];
let busy = false;

const log = el('div', undefined, 'log');
log.setAttribute('role', 'log');
log.setAttribute('aria-live', 'polite');
const notice = el('p', undefined, 'notice');
const input = el('textarea');
input.rows = 3;
const send = button('', () => ask(input.value));
const stop = button('', () => vscode.postMessage({ type: 'stop' }), { className: 'secondary' });
const newChat = button('', () => vscode.postMessage({ type: 'newChat' }), { className: 'secondary' });
const language = el('select');
const backend = el('span', undefined, 'backend');

function ask(question: string): void {
  if (!question.trim()) return;
  notice.textContent = '';
  vscode.postMessage({ type: 'ask', question });
  input.value = '';
}

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    ask(input.value);
  }
});
language.addEventListener('change', () => vscode.postMessage({ type: 'setLanguage', language: language.value as 'auto' | 'fr' | 'en' }));

function layout(): void {
  const header = el('div', undefined, 'header');
  header.append(newChat, language, backend);
  const footer = el('div', undefined, 'composer');
  const actions = el('div', undefined, 'actions');
  actions.append(send, stop);
  footer.append(input, actions);
  document.getElementById('app')!.replaceChildren(header, log, notice, footer);
}

function renderEmpty(): void {
  if (!strings || log.querySelector('.turn')) return;
  const empty = el('div', undefined, 'empty');
  empty.append(el('h2', strings.emptyTitle), el('p', strings.emptyHint));
  for (const example of examples) empty.append(button(example, () => ask(example), { className: 'example' }));
  log.replaceChildren(empty);
}

/** The questions to go on with, under the latest finished answer only. */
function suggestionsElement(turn: ChatTurnView): HTMLElement | undefined {
  if (!strings || turn.state !== 'done' || !turn.suggestions?.length) return undefined;
  const node = el('div', undefined, 'suggestions');
  node.setAttribute('role', 'group');
  node.setAttribute('aria-label', strings.suggestionsLabel);
  node.append(el('span', strings.suggestionsLabel, 'suggestions-label'));
  turn.suggestions.forEach((question, index) => {
    node.append(button(question, () => vscode.postMessage({ type: 'askSuggestion', id: turn.id, index }), { className: 'suggestion' }));
  });
  return node;
}

function turnElement(turn: ChatTurnView, latest = true): HTMLElement {
  const node = el('article', undefined, `turn ${turn.state}`);
  node.dataset.id = turn.id;
  const question = el('p', turn.question, 'question');
  node.append(question);
  if (turn.context) node.append(el('blockquote', turn.context, 'context'));
  const answer = el('div', undefined, 'answer');
  if (turn.state === 'streaming') answer.textContent = '';
  else answer.innerHTML = turn.answerHtml;
  node.append(answer);
  if (turn.state === 'interrupted' && strings) node.append(el('p', turn.answerHtml.trim() ? strings.interrupted : strings.interruptedBeforeStart, 'state'));
  if (turn.state === 'stopped' && strings) node.append(el('p', strings.stopped, 'state'));
  if (turn.state === 'error' && turn.error) node.append(el('p', turn.error, 'state error'));
  if (turn.sources.length > 0 && strings) {
    const sources = el('div', undefined, 'sources');
    sources.append(el('span', strings.sources));
    for (const source of turn.sources) {
      sources.append(button(source.term, () => vscode.postMessage({ type: 'openConcept', id: source.id }), { className: 'chip' }));
    }
    node.append(sources);
  }
  if (turn.state !== 'streaming' && turn.answerHtml.trim() && strings) {
    const copy = button(strings.copy, () => {
      vscode.postMessage({ type: 'copy', id: turn.id });
      copy.textContent = strings!.copied;
    }, { className: 'secondary copy' });
    node.append(copy);
  }
  const suggestions = latest ? suggestionsElement(turn) : undefined;
  if (suggestions) node.append(suggestions);
  return node;
}

function showTurn(turn: ChatTurnView): void {
  log.querySelector('.empty')?.remove();
  const existing = log.querySelector<HTMLElement>(`[data-id="${CSS.escape(turn.id)}"]`);
  const node = turnElement(turn);
  if (existing) existing.replaceWith(node);
  else {
    // A new question: the suggestions under the previous answer have been passed by.
    for (const old of log.querySelectorAll('.suggestions')) old.remove();
    log.append(node);
  }
  if (turn.state !== 'streaming' && waitingFor?.id === turn.id) stopWaiting();
  node.scrollIntoView({ block: 'end' });
}

/** The streaming answer's element, found once per turn rather than once per piece. */
let streaming: { id: string; answer: HTMLElement } | undefined;
let scrollPending = false;

/** Each piece is a new text node (no re-layout of the whole answer), and the view scrolls once a frame. */
function appendDelta(id: string, text: string): void {
  if (waitingFor?.id === id) stopWaiting();
  if (streaming?.id !== id || !streaming.answer.isConnected) {
    const answer = log.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .answer`);
    streaming = answer ? { id, answer } : undefined;
  }
  if (!streaming) return;
  streaming.answer.append(text);
  if (!scrollPending) {
    scrollPending = true;
    requestAnimationFrame(() => {
      scrollPending = false;
      streaming?.answer.scrollIntoView({ block: 'end' });
    });
  }
}

/** What the answer not begun yet waits for, in place of the answer, with the time waited past two seconds. */
let waitingFor: { id: string; phase: ChatPhase; since: number; node: HTMLElement } | undefined;
let waitingTimer: ReturnType<typeof setInterval> | undefined;

function showProgress(id: string, phase: ChatPhase): void {
  const answer = log.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] .answer`);
  if (!answer || !strings || answer.textContent) return;
  if (waitingFor?.id !== id || !waitingFor.node.isConnected) {
    stopWaiting();
    const node = el('p', undefined, 'progress');
    node.setAttribute('role', 'status');
    answer.before(node);
    waitingFor = { id, phase, since: Date.now(), node };
    waitingTimer = setInterval(renderProgress, 1000);
  }
  waitingFor.phase = phase;
  renderProgress();
}

function renderProgress(): void {
  if (!waitingFor || !strings) return;
  if (!waitingFor.node.isConnected) return stopWaiting();
  const seconds = Math.floor((Date.now() - waitingFor.since) / 1000);
  const label = strings.phases[waitingFor.phase];
  waitingFor.node.dataset.phase = waitingFor.phase;
  waitingFor.node.textContent = seconds >= 2 ? `${label} ${strings.elapsed.replace('{0}', String(seconds))}` : label;
}

function stopWaiting(): void {
  clearInterval(waitingTimer);
  waitingTimer = undefined;
  waitingFor?.node.remove();
  waitingFor = undefined;
}

function setBusy(value: boolean): void {
  busy = value;
  stop.hidden = !busy;
  stop.disabled = !busy;
}

/** The language picker, the backend and the examples; the conversation is left as it is. */
function applySettings(message: Extract<ChatHostMessage, { type: 'settings' | 'init' }>): void {
  if (!strings) return;
  examples = message.examples;
  language.setAttribute('aria-label', strings.languageLabel);
  language.replaceChildren(
    ...([['auto', strings.languageAuto], ['fr', 'Français'], ['en', 'English']] as const).map(([value, label]) => {
      const option = el('option', label);
      option.value = value;
      option.selected = value === message.language;
      return option;
    }),
  );
  backend.textContent = message.backend;
  const empty = log.querySelector('.empty');
  if (empty) {
    empty.remove();
    renderEmpty();
  }
}

function init(message: Extract<ChatHostMessage, { type: 'init' }>): void {
  strings = message.strings;
  input.placeholder = strings.placeholder;
  input.setAttribute('aria-label', strings.placeholder);
  send.textContent = strings.send;
  stop.textContent = strings.stop;
  newChat.textContent = strings.newChat;
  applySettings(message);
  // The whole conversation in one change of the page and one scroll: looking each turn up and scrolling to it
  // made the layout run once per turn (10,000 saved turns kept the view busy for four minutes).
  const turns = document.createDocumentFragment();
  message.turns.forEach((turn, index) => turns.appendChild(turnElement(turn, index === message.turns.length - 1)));
  log.replaceChildren(turns);
  log.lastElementChild?.scrollIntoView({ block: 'end' });
  renderEmpty();
}

window.addEventListener('message', (event: MessageEvent<ChatHostMessage>) => {
  const message = event.data;
  switch (message?.type) {
    case 'init':
      return init(message);
    case 'settings':
      return applySettings(message);
    case 'turn':
      return showTurn(message.turn);
    case 'delta':
      return appendDelta(message.id, message.text);
    case 'progress':
      return showProgress(message.id, message.phase);
    case 'busy':
      return setBusy(message.busy);
    case 'notice':
      notice.textContent = message.text;
      return;
    case 'prefill':
      input.value = message.text;
      input.focus();
      return;
    case 'cleared':
      stopWaiting();
      log.replaceChildren();
      return renderEmpty();
  }
});

layout();
setBusy(false);
vscode.postMessage({ type: 'ready' });
