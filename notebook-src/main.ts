/**
 * Extends VS Code's Markdown cell renderer (`vscode.markdown-it-renderer`) so that notebooks' rendered Markdown
 * marks the glossary's terms as the Markdown preview does. It runs in the notebook's webview, away from the
 * extension host: the host sends it the concepts the notebook names (src/vscode/notebookTerms.ts), and it finds
 * them with the hovers' matcher, built from those concepts' forms alone.
 */
import type MarkdownIt from 'markdown-it';
import { MARK_CLASS, termMarks } from '../src/core/present/termMarks';
import { parseRendererTerms } from '../src/webviewProtocol/notebookTerms';
import stylesheet from '../media/terms.css';
import { NotebookMarker } from './marker';

/** What VS Code gives a renderer (the part this one uses; `postMessage` only with messaging). */
interface RendererContext {
  getRenderer(id: string): Promise<unknown>;
  postMessage?(message: unknown): void;
  onDidReceiveMessage?(listener: (message: unknown) => void): { dispose(): void };
}

interface MarkdownItRenderer {
  extendMarkdownIt(extend: (md: MarkdownIt) => void): void;
}

/** How long the first rendering waits for the host's terms (the extension may still be starting). */
const FIRST_TERMS_MS = 3000;
/** The host is asked again this often until it answers, in case it was not listening yet. */
const ASK_AGAIN_MS = 1000;

export async function activate(context: RendererContext): Promise<void> {
  const markdownIt = (await context.getRenderer('vscode.markdown-it-renderer')) as MarkdownItRenderer | undefined;
  if (!markdownIt) throw new Error("Could not load 'vscode.markdown-it-renderer'");
  addStylesheet();
  const marker = new NotebookMarker();
  markdownIt.extendMarkdownIt((md) => md.use(termMarks, marker));
  const { postMessage, onDidReceiveMessage } = context;
  if (!postMessage || !onDidReceiveMessage) return; // no extension host: links open through VS Code instead
  document.addEventListener('click', (event) => explainOnClick(event, (message) => postMessage.call(context, message)), true);
  await firstTerms(context, marker);
}

/** Resolves when the host's first terms arrive, or after FIRST_TERMS_MS; later ones update the marker too. */
function firstTerms(context: RendererContext, marker: NotebookMarker): Promise<void> {
  return new Promise((resolve) => {
    const ask = () => context.postMessage!({ type: 'ready' });
    const timer = setInterval(ask, ASK_AGAIN_MS);
    const done = () => {
      clearInterval(timer);
      resolve();
    };
    context.onDidReceiveMessage!((message) => {
      const terms = parseRendererTerms(message);
      if (!terms) return;
      marker.update(terms);
      done();
    });
    ask();
    setTimeout(done, FIRST_TERMS_MS);
  });
}

/** A click on a marked term (or its tooltip) opens the explanation through the host, not through the link. */
function explainOnClick(event: MouseEvent, post: (message: unknown) => void): void {
  const term = event.composedPath().find((target): target is HTMLAnchorElement => target instanceof HTMLAnchorElement && target.classList.contains(MARK_CLASS));
  const id = term?.dataset.concept;
  if (!term || !id) return;
  event.preventDefault();
  event.stopPropagation();
  post({ type: 'explain', id, lang: term.dataset.lang });
}

/** The Markdown renderer copies `.markdown-style` elements of the document into each cell's shadow root. */
function addStylesheet(): void {
  const style = document.createElement('style');
  style.classList.add('markdown-style');
  style.textContent = stylesheet;
  document.head.append(style);
}
