// The "source beside" webview's page: a toolbar (previous, page N of M, next) over the page image.
// Strict CSP: nothing but the webview's own resources (the rendered pages) and this page's
// nonce'd script and style; no network. Colours are the theme's CSS variables. The page is set
// once; the extension then posts `show` messages, so turning pages does not reload the webview.
// An OCR'd page's words can be overlaid ("Show words"): boxes placed in percent of the page, so
// they fit the image at any size, low-confidence words in the theme's warning colour; a click
// on a box asks for that word in the text, a click elsewhere for that far down the page.
// Positions are set through the CSSOM from the nonce'd script (no inline style attributes, so
// the CSP needs no 'unsafe-inline'). A JPEG's EXIF orientation is not applied: the engine reads
// and sizes the stored pixels, so the page, its size and the boxes agree. Pure (no vscode import).
import type { OcrWord } from '../shared/ocr-words';

export interface SourceHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  title: string;
  /** Labels, translated by the caller; `pageOf` has {0} (page) and {1} (pages). */
  labels: {
    previous: string;
    next: string;
    loading: string;
    pageOf: string;
    /** The overlay toggle's label. */
    words: string;
  };
}

/** What the extension posts to the page. */
export type ToSourcePage =
  | {
      type: 'show';
      src: string;
      page: number;
      pages: number;
      width: number;
      height: number;
      /** The page's OCR'd words, if any; below `lowBelow` confidence they are highlighted. */
      words?: OcrWord[];
      lowBelow: number;
      showWords: boolean;
    }
  | { type: 'error'; message: string; page: number; pages?: number }
  | { type: 'loading'; page: number }
  | { type: 'showWords'; on: boolean };

/** What the page posts back. */
export type FromSourcePage =
  | { type: 'goto'; page: number }
  | { type: 'click'; page: number; x: number; y: number }
  /** A click on the box of the page's `index`-th word. */
  | { type: 'word'; page: number; index: number }
  | { type: 'showWords'; on: boolean };

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
  #sheet { position: relative; width: fit-content; max-width: 100%; margin: 0 auto; }
  img { display: block; image-orientation: none; max-width: 100%; height: auto; background: #fff; box-shadow: 0 0 4px var(--vscode-widget-shadow); cursor: crosshair; }
  button[aria-pressed="true"] { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  #words { position: absolute; inset: 0; pointer-events: none; }
  #words[hidden] { display: none; }
  .word { position: absolute; box-sizing: border-box; border: 1px solid var(--vscode-editorInfo-foreground, var(--vscode-focusBorder)); pointer-events: auto; cursor: pointer; }
  .word:hover { border-width: 2px; }
  .word.low { border: 2px solid var(--vscode-editorWarning-foreground); }
  .word.chosen { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
  .word.low::after { content: ''; position: absolute; inset: 0; background: var(--vscode-editorWarning-foreground); opacity: 0.25; }
</style>
</head>
<body>
<header>
  <button id="prev" title="${escapeHtml(labels.previous)}" aria-label="${escapeHtml(labels.previous)}">&#8249;</button>
  <span id="status" role="status">${escapeHtml(labels.loading)}</span>
  <button id="words-toggle" aria-pressed="false" hidden>${escapeHtml(labels.words)}</button>
  <button id="next" title="${escapeHtml(labels.next)}" aria-label="${escapeHtml(labels.next)}">&#8250;</button>
</header>
<main>
  <div id="error" hidden></div>
  <div id="sheet">
    <img id="page" alt="" hidden>
    <div id="words" hidden></div>
  </div>
</main>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  const img = document.getElementById('page');
  const status = document.getElementById('status');
  const error = document.getElementById('error');
  const prev = document.getElementById('prev');
  const next = document.getElementById('next');
  const overlay = document.getElementById('words');
  const toggle = document.getElementById('words-toggle');
  let page = 1;
  let pages = 1;
  let showWords = false;
  const setShowWords = (on) => {
    showWords = on;
    toggle.setAttribute('aria-pressed', String(on));
    overlay.hidden = !on || toggle.hidden;
  };
  toggle.addEventListener('click', () => {
    setShowWords(!showWords);
    vscode.postMessage({ type: 'showWords', on: showWords });
  });
  const percent = (v) => (v * 100).toFixed(3) + '%';
  const drawWords = (words, lowBelow) => {
    overlay.replaceChildren();
    (words || []).forEach((w, index) => {
      const box = document.createElement('div');
      box.className = w.confidence < lowBelow ? 'word low' : 'word';
      box.title = w.text + ' (' + w.confidence + '%)';
      box.dataset.index = String(index);
      box.style.left = percent(w.box[0]);
      box.style.top = percent(w.box[1]);
      box.style.width = percent(w.box[2] - w.box[0]);
      box.style.height = percent(w.box[3] - w.box[1]);
      box.addEventListener('click', (e) => {
        e.stopPropagation();
        // The word clicked stays marked, so the page shows which word the text went to.
        for (const other of overlay.querySelectorAll('.chosen')) other.classList.remove('chosen');
        box.classList.add('chosen');
        vscode.postMessage({ type: 'word', page, index });
      });
      overlay.appendChild(box);
    });
    toggle.hidden = !words || words.length === 0;
    setShowWords(showWords);
  };
  const buttons = () => { prev.disabled = page <= 1; next.disabled = page >= pages; };
  prev.addEventListener('click', () => vscode.postMessage({ type: 'goto', page: page - 1 }));
  next.addEventListener('click', () => vscode.postMessage({ type: 'goto', page: page + 1 }));
  img.addEventListener('click', (e) => {
    const box = img.getBoundingClientRect();
    vscode.postMessage({ type: 'click', page, x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height });
  });
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'showWords') { setShowWords(m.on); return; }
    if (m.type === 'loading') { status.textContent = ${JSON.stringify(labels.loading)}; return; }
    page = m.page;
    if (m.pages) pages = m.pages;
    status.textContent = ${JSON.stringify(labels.pageOf)}.replace('{0}', page).replace('{1}', pages);
    buttons();
    if (m.type === 'error') { error.textContent = m.message; error.hidden = false; img.hidden = true; drawWords(undefined, 0); return; }
    error.hidden = true;
    img.src = m.src;
    img.width = m.width;
    img.height = m.height;
    img.alt = status.textContent;
    img.dataset.page = String(page);
    img.hidden = false;
    showWords = m.showWords;
    drawWords(m.words, m.lowBelow);
  });
})();
</script>
</body>
</html>`;
}
