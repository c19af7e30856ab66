// The "source beside" webview's page: a toolbar (previous, page N of M, next) over the page image.
// Strict CSP: nothing but the webview's own resources (the rendered pages) and this page's
// nonce'd script and style; no network. Colours are the theme's CSS variables. The page is set
// once; the extension then posts `show` messages, so turning pages does not reload the webview.
// Pure (no vscode import).

export interface SourceHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  title: string;
  /** Labels, translated by the caller; `pageOf` has {0} (page) and {1} (pages). */
  labels: { previous: string; next: string; loading: string; pageOf: string };
}

/** What the extension posts to the page. */
export type ToSourcePage =
  | { type: 'show'; src: string; page: number; pages: number; width: number; height: number }
  | { type: 'error'; message: string; page: number; pages?: number }
  | { type: 'loading'; page: number };

/** What the page posts back. */
export type FromSourcePage =
  { type: 'goto'; page: number } | { type: 'click'; page: number; x: number; y: number };

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sourceHtml(input: SourceHtmlInput): string {
  const { cspSource, nonce, labels } = input;
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style nonce="${nonce}">
  body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  header { position: sticky; top: 0; display: flex; gap: 8px; align-items: center; padding: 6px 10px; background: var(--vscode-editorWidget-background); border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 3px 10px; cursor: pointer; }
  button:hover:not(:disabled) { background: var(--vscode-button-secondaryHoverBackground); }
  button:disabled { opacity: 0.5; cursor: default; }
  #status { flex: 1; }
  #error { color: var(--vscode-errorForeground); padding: 10px; }
  main { padding: 10px; }
  img { display: block; max-width: 100%; height: auto; margin: 0 auto; background: #fff; box-shadow: 0 0 4px var(--vscode-widget-shadow); cursor: crosshair; }
</style>
</head>
<body>
<header>
  <button id="prev" title="${escapeHtml(labels.previous)}" aria-label="${escapeHtml(labels.previous)}">&#8249;</button>
  <span id="status" role="status">${escapeHtml(labels.loading)}</span>
  <button id="next" title="${escapeHtml(labels.next)}" aria-label="${escapeHtml(labels.next)}">&#8250;</button>
</header>
<main>
  <div id="error" hidden></div>
  <img id="page" alt="" hidden>
</main>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  const img = document.getElementById('page');
  const status = document.getElementById('status');
  const error = document.getElementById('error');
  const prev = document.getElementById('prev');
  const next = document.getElementById('next');
  let page = 1;
  let pages = 1;
  const buttons = () => { prev.disabled = page <= 1; next.disabled = page >= pages; };
  prev.addEventListener('click', () => vscode.postMessage({ type: 'goto', page: page - 1 }));
  next.addEventListener('click', () => vscode.postMessage({ type: 'goto', page: page + 1 }));
  img.addEventListener('click', (e) => {
    const box = img.getBoundingClientRect();
    vscode.postMessage({ type: 'click', page, x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height });
  });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'loading') { status.textContent = ${JSON.stringify(labels.loading)}; return; }
    page = m.page;
    if (m.pages) pages = m.pages;
    status.textContent = ${JSON.stringify(labels.pageOf)}.replace('{0}', page).replace('{1}', pages);
    buttons();
    if (m.type === 'error') { error.textContent = m.message; error.hidden = false; img.hidden = true; return; }
    error.hidden = true;
    img.src = m.src;
    img.width = m.width;
    img.height = m.height;
    img.alt = status.textContent;
    img.dataset.page = String(page);
    img.hidden = false;
  });
})();
</script>
</body>
</html>`;
}
