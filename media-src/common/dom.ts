/**
 * DOM helpers shared by the webview pages. Text goes in through `textContent` only, so nothing a glossary,
 * a model or a server wrote can become markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export function button(label: string, onClick: () => void, options: { className?: string; disabled?: boolean; title?: string } = {}): HTMLButtonElement {
  const node = el('button', label, options.className);
  node.type = 'button';
  node.disabled = options.disabled ?? false;
  if (options.title) node.title = options.title;
  node.addEventListener('click', onClick);
  return node;
}
