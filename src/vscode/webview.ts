import * as vscode from 'vscode';
import { Disposable } from './dispose';

export type WebviewPage = 'panel' | 'chat';

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  // btoa, not Node's Buffer: the same code runs in the web extension host.
  return btoa(String.fromCharCode(...bytes));
}

/**
 * A webview page (`panel` or `chat`): no remote content, scripts only by nonce, styles only from the
 * extension.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage, title: string): string {
  const scriptNonce = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'media', `${page}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', `${page}.css`));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language.startsWith('fr') ? 'fr' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${scriptNonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Scripts on, command links off, resources from the extension's media folders only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'media'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * One webview page and its typed messages, for the panel and the chat view alike: sets the options and the
 * HTML, validates every message from the page (`parse` drops anything malformed), and knows when the page
 * has said it is ready. Before that, `post` drops messages (the ready handler sends the whole state), and
 * `postOnReady` keeps one to send then (a question draft from a command that opened the view).
 */
export class WebviewChannel<ToPage, FromPage extends { readonly type: string }> extends Disposable {
  private ready = false;
  private onReadyMessages: ToPage[] = [];

  constructor(
    private readonly webview: vscode.Webview,
    extensionUri: vscode.Uri,
    page: WebviewPage,
    title: string,
    parse: (raw: unknown) => FromPage | undefined,
    handlers: { readonly ready: () => void; readonly message: (message: Exclude<FromPage, { readonly type: 'ready' }>) => void },
  ) {
    super();
    webview.options = webviewOptions(extensionUri);
    webview.html = webviewHtml(webview, extensionUri, page, title);
    this.register(
      webview.onDidReceiveMessage((raw: unknown) => {
        const message = parse(raw);
        if (!message) return;
        if (message.type === 'ready') {
          this.ready = true;
          handlers.ready();
          for (const pending of this.onReadyMessages.splice(0)) this.post(pending);
          return;
        }
        handlers.message(message as Exclude<FromPage, { readonly type: 'ready' }>);
      }),
    );
  }

  get isReady(): boolean {
    return this.ready;
  }

  post(message: ToPage): void {
    if (this.ready && !this.isDisposed) void this.webview.postMessage(message);
  }

  postOnReady(message: ToPage): void {
    if (this.ready) this.post(message);
    else this.onReadyMessages = [message];
  }
}
