// "Source beside": one webview panel beside the text showing the source page the cursor is on.
// Pages are rendered in the child process (RunnerHost.renderPage) into the pages folder; the
// webview may read that folder and media/ only. The panel follows the cursor of a `folio:`
// editor of the same source (through its page markers), and turning pages in the panel moves
// that editor to the page's marker. One panel, reused: showing another file replaces its page.
// An OCR'd page comes with its words (from the cache's words sidecar): the panel can overlay
// them, and a click on one selects that word in the text (wordInText.ts).
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { FOLIO_SCHEME, folioUriFor, sourceUriOf } from './folioUri';
import {
  lineAtPageFraction,
  lineOfPage,
  pageAtLine,
  pageMarkers,
  type PageMarker,
} from './pageMarkers';
import { passwordFor } from '../shared/password-file';
import { readPasswordsFor } from './passwordFile';
import type { RunnerHost } from './RunnerHost';
import type { RunStore } from './RunStore';
import type { Settings } from './Settings';
import type { OcrWord } from '../shared/ocr-words';
import { sourceHtml, type FromSourcePage, type ToSourcePage } from './sourceHtml';
import { findWordInPage } from './wordInText';

export interface SourcePanelDeps {
  runner: Pick<RunnerHost, 'renderPage'>;
  /** The password a protected source was extracted with (from folio.passwordFile), if any. */
  passwordFor?(source: string): Promise<string | undefined>;
  /** Where the child writes page images (the webview's only readable folder besides media). */
  pagesDir: string;
  mediaDir: string;
  /** The caches the batches write (their words sidecars give the OCR'd pages' words). */
  cacheDirs?: () => string[];
  /** Words below this confidence are highlighted (folio.ocr.minConfidence). */
  lowConfidenceBelow?(source: string): number;
}

/** The default low-confidence floor (defaultExtractOptions.ocr.minConfidence). */
const DEFAULT_LOW_BELOW = 80;

/** Sources with pages to show. */
export const PAGED = /\.(pdf|png|jpe?g|tiff?|bmp)$/i;

/** Markers per document version: a selection change must not re-scan a long text. */
const markerCache = new WeakMap<vscode.TextDocument, { version: number; markers: PageMarker[] }>();

export function markersOf(doc: vscode.TextDocument): PageMarker[] {
  const cached = markerCache.get(doc);
  if (cached?.version === doc.version) return cached.markers;
  const markers = pageMarkers(doc.getText());
  markerCache.set(doc, { version: doc.version, markers });
  return markers;
}

export class SourcePanel implements vscode.Disposable {
  static readonly viewType = 'folio.source';
  private panel: vscode.WebviewPanel | undefined;
  private source: string | undefined;
  private page = 1;
  private pages = 1;
  /** The OCR'd words of the page on screen (empty when it has none). */
  private pageWords: OcrWord[] = [];
  /** The words overlay is on (kept across pages and a re-created webview). */
  private showWords = false;
  /** Increases per request, so a slow render never replaces a newer page. */
  private generation = 0;
  /** The page being rendered, if any. */
  private rendering: number | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly shown = new vscode.EventEmitter<{ source: string; page: number }>();
  /** Fires when a page is on screen (tests wait on it). */
  readonly onDidShowPage = this.shown.event;

  constructor(private readonly deps: SourcePanelDeps) {
    this.disposables.push(
      this.shown,
      vscode.window.onDidChangeTextEditorSelection((e) => this.onSelection(e)),
      // An open panel shows the source of whichever paged text comes to the front.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.followEditor(editor, true);
      }),
    );
  }

  /** The source and page on screen (tests read them). */
  get current(): { source: string; page: number; pages: number } | undefined {
    return this.panel && this.source
      ? { source: this.source, page: this.page, pages: this.pages }
      : undefined;
  }

  /** The OCR'd words of the page on screen (tests read them). */
  get words(): readonly OcrWord[] {
    return this.pageWords;
  }

  /** Turns the words overlay on or off, as its toggle in the panel does. */
  setShowWords(on: boolean): void {
    this.showWords = on;
    void this.post({ type: 'showWords', on });
  }

  async show(source: string, page?: number): Promise<void> {
    const panel = this.ensurePanel();
    const changed = source !== this.source;
    this.source = source;
    panel.title = vscode.l10n.t('Source: {0}', source.split(/[\\/]/).pop() ?? source);
    const start = page ?? (changed ? this.pageOfEditor(source) : this.page) ?? 1;
    // Beside the text, never over it: a text opened in the panel's own group (the Problems panel
    // opens in the active group) pushes the panel to the next group.
    const text = this.textEditorOf(source);
    const column =
      !panel.viewColumn || panel.viewColumn === text?.viewColumn
        ? vscode.ViewColumn.Beside
        : panel.viewColumn;
    panel.reveal(column, true);
    await this.render(start);
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel(
      SourcePanel.viewType,
      vscode.l10n.t('Source'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        retainContextWhenHidden: false,
        localResourceRoots: [
          vscode.Uri.file(this.deps.pagesDir),
          vscode.Uri.file(this.deps.mediaDir),
        ],
      },
    );
    panel.iconPath = vscode.Uri.file(`${this.deps.mediaDir}/folio.svg`);
    panel.webview.html = sourceHtml({
      cspSource: panel.webview.cspSource,
      nonce: crypto.randomBytes(16).toString('base64'),
      title: vscode.l10n.t('Source'),
      labels: {
        previous: vscode.l10n.t('Previous page'),
        next: vscode.l10n.t('Next page'),
        loading: vscode.l10n.t('Rendering the page…'),
        pageOf: vscode.l10n.t('Page {0} of {1}'),
        words: vscode.l10n.t('Show words'),
      },
    });
    panel.webview.onDidReceiveMessage((m: FromSourcePage) => this.receive(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.source = undefined;
    });
    // A hidden webview loses its page (no retained context): post it again when it is shown,
    // unless that page is on its way already.
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.visible && this.rendering === undefined) void this.render(this.page);
    });
    this.panel = panel;
    return panel;
  }

  private async render(page: number): Promise<void> {
    const panel = this.panel;
    const source = this.source;
    if (!panel || !source) return;
    const generation = ++this.generation;
    // The page asked for is the panel's page from now on: a re-render (the panel shown again)
    // asks for it, not for the one before.
    this.page = page;
    this.rendering = page;
    void this.post({ type: 'loading', page });
    try {
      const password = await this.deps.passwordFor?.(source).catch(() => undefined);
      const rendered = await this.deps.runner.renderPage({
        source,
        page,
        imageDir: this.deps.pagesDir,
        ...(password ? { password } : {}),
        ...(this.deps.cacheDirs ? { cacheDirs: this.deps.cacheDirs() } : {}),
      });
      if (generation !== this.generation || this.panel !== panel) return;
      this.rendering = undefined;
      this.page = rendered.page;
      this.pages = rendered.pages;
      this.pageWords = rendered.words ?? [];
      await this.post({
        type: 'show',
        src: panel.webview.asWebviewUri(vscode.Uri.file(rendered.image)).toString(),
        page: rendered.page,
        pages: rendered.pages,
        width: rendered.width,
        height: rendered.height,
        words: this.pageWords,
        lowBelow: this.deps.lowConfidenceBelow?.(source) ?? DEFAULT_LOW_BELOW,
        showWords: this.showWords,
      });
      this.shown.fire({ source, page: rendered.page });
    } catch (error) {
      if (generation !== this.generation) return;
      this.rendering = undefined;
      const message = error instanceof Error ? error.message : String(error);
      await this.post({ type: 'error', message, page, pages: this.pages });
    }
  }

  private post(message: ToSourcePage): Thenable<boolean> {
    return this.panel?.webview.postMessage(message) ?? Promise.resolve(false);
  }

  /** A message from the panel's page (public so tests can click as the page does). */
  receive(message: FromSourcePage): void {
    if (message.type === 'showWords') {
      this.showWords = message.on;
      return;
    }
    if (!this.source) return;
    const page = Math.min(Math.max(1, message.page), this.pages);
    if (message.type === 'goto') {
      void this.render(page);
      this.revealInText(this.source, page);
    } else if (message.type === 'word') {
      this.revealWord(this.source, page, message.index);
    } else {
      this.revealInText(this.source, page, message.y);
    }
  }

  /**
   * Selects the clicked word in a visible `folio:` editor of the source: found in its page's
   * text; a word the text does not have moves the text as far down as the word's box.
   */
  private revealWord(source: string, page: number, index: number): void {
    const word = page === this.page ? this.pageWords[index] : undefined;
    if (!word) return;
    const editor = this.visibleEditorOf(source);
    if (!editor) return;
    const doc = editor.document;
    const markers = markersOf(doc);
    const marker = lineOfPage(markers, page);
    // The page's text: after its marker (whose "page" and "OCR" are no words of the page).
    const start = marker === undefined ? 0 : marker + 1;
    const end = markers.find((m) => m.line >= start)?.line ?? doc.lineCount;
    const from = doc.offsetAt(new vscode.Position(start, 0));
    const pageText = doc.getText(new vscode.Range(start, 0, end, 0));
    const span = findWordInPage(
      pageText,
      this.pageWords.map((w) => w.text),
      index,
    );
    if (!span) {
      this.revealInText(source, page, (word.box[1] + word.box[3]) / 2);
      return;
    }
    const selection = new vscode.Selection(
      doc.positionAt(from + span.start),
      doc.positionAt(from + span.end),
    );
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private visibleEditorOf(source: string): vscode.TextEditor | undefined {
    const uri = folioUriFor(source).toString();
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  }

  private textEditorOf(source: string): vscode.TextEditor | undefined {
    const uri = folioUriFor(source).toString();
    const active = vscode.window.activeTextEditor;
    if (active?.document.uri.toString() === uri) return active;
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  }

  /**
   * Moves a visible `folio:` editor of the source to the page's marker line, or, for a click at
   * `fraction` down the page, that far through the page's lines.
   */
  private revealInText(source: string, page: number, fraction?: number): void {
    const uri = folioUriFor(source).toString();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    if (!editor) return;
    const markers = markersOf(editor.document);
    const line =
      fraction === undefined
        ? lineOfPage(markers, page)
        : lineAtPageFraction(markers, page, fraction, editor.document.lineCount);
    if (line === undefined) return;
    const at = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(
      new vscode.Range(at, at),
      fraction === undefined
        ? vscode.TextEditorRevealType.AtTop
        : vscode.TextEditorRevealType.InCenterIfOutsideViewport,
    );
  }

  private pageOfEditor(source: string): number | undefined {
    const uri = folioUriFor(source).toString();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    if (!editor) return undefined;
    return pageAtLine(markersOf(editor.document), editor.selection.active.line);
  }

  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    const doc = e.textEditor.document;
    if (doc.uri.scheme !== FOLIO_SCHEME) return;
    // A click on a page's problem (or F8) selects exactly its range on the page marker: the
    // page is then shown beside, opening the panel if need be.
    const selection = e.selections[0];
    if (!this.panel && selection && !selection.isEmpty) {
      const onProblem = vscode.languages
        .getDiagnostics(doc.uri)
        .some((d) => d.source === 'Folio' && d.range.isEqual(selection));
      const source = sourceUriOf(doc.uri).fsPath;
      if (onProblem && PAGED.test(source)) {
        const page = pageAtLine(markersOf(doc), selection.start.line);
        void this.show(source, page);
        return;
      }
    }
    this.followEditor(e.textEditor, false);
  }

  /** Follows the editor's page; with `switchSource`, also another paged source's text. */
  private followEditor(editor: vscode.TextEditor, switchSource: boolean): void {
    if (!this.panel || editor.document.uri.scheme !== FOLIO_SCHEME) return;
    const source = sourceUriOf(editor.document.uri).fsPath;
    const page = pageAtLine(markersOf(editor.document), editor.selection.active.line);
    if (source !== this.source) {
      // Only a text with pages (a failed file's text has no marker, and nothing to show).
      if (switchSource && PAGED.test(source) && page !== undefined) void this.show(source, page);
      return;
    }
    if (page !== undefined && page !== this.page) void this.render(page);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * The password of a protected source, from the folio.passwordFile of the folder it was extracted
 * from (the run's input), looked up as the batch does: relative path first, then bare name.
 */
export async function sourcePassword(
  store: RunStore,
  settings: Settings,
  source: string,
): Promise<string | undefined> {
  const entry = store.find(source);
  if (!entry) return undefined;
  const { passwordFile } = settings.read(vscode.Uri.file(entry.folder.input));
  if (!passwordFile.trim()) return undefined;
  const map = await readPasswordsFor(passwordFile, entry.folder.input);
  return passwordFor(entry.file.path, map);
}
