// "Source beside": one webview panel beside the text showing the source page the cursor is on.
// Pages are rendered in the child process (RunnerHost.renderPage) into the pages folder; the
// webview may read that folder and media/ only. The panel follows the cursor of a `folio:`
// editor of the same source (through its page markers), and turning pages in the panel moves
// that editor to the page's marker. One panel, reused: showing another file replaces its page.
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';
import { FOLIO_SCHEME, folioUriFor, sourceUriOf } from './folioUri';
import { lineOfPage, pageAtLine, pageMarkers, type PageMarker } from './pageMarkers';
import type { RunnerHost } from './RunnerHost';
import { sourceHtml, type FromSourcePage, type ToSourcePage } from './sourceHtml';

export interface SourcePanelDeps {
  runner: Pick<RunnerHost, 'renderPage'>;
  /** Where the child writes page images (the webview's only readable folder besides media). */
  pagesDir: string;
  mediaDir: string;
}

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
      vscode.window.onDidChangeTextEditorSelection((e) => this.followEditor(e.textEditor)),
    );
  }

  /** The source and page on screen (tests read them). */
  get current(): { source: string; page: number; pages: number } | undefined {
    return this.panel && this.source
      ? { source: this.source, page: this.page, pages: this.pages }
      : undefined;
  }

  async show(source: string, page?: number): Promise<void> {
    const panel = this.ensurePanel();
    const changed = source !== this.source;
    this.source = source;
    panel.title = vscode.l10n.t('Source: {0}', source.split(/[\\/]/).pop() ?? source);
    const start = page ?? (changed ? this.pageOfEditor(source) : this.page) ?? 1;
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Beside, true);
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
      },
    });
    panel.webview.onDidReceiveMessage((m: FromSourcePage) => this.onMessage(m));
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
      const rendered = await this.deps.runner.renderPage({
        source,
        page,
        imageDir: this.deps.pagesDir,
      });
      if (generation !== this.generation || this.panel !== panel) return;
      this.rendering = undefined;
      this.page = rendered.page;
      this.pages = rendered.pages;
      await this.post({
        type: 'show',
        src: panel.webview.asWebviewUri(vscode.Uri.file(rendered.image)).toString(),
        page: rendered.page,
        pages: rendered.pages,
        width: rendered.width,
        height: rendered.height,
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

  private onMessage(message: FromSourcePage): void {
    if (!this.source) return;
    const page = Math.min(Math.max(1, message.page), this.pages);
    if (message.type === 'goto') void this.render(page);
    // Without word boxes a click on the page leads to the page's start in the text.
    this.revealInText(this.source, page);
  }

  /** Moves a visible `folio:` editor of the source to the page's marker line. */
  private revealInText(source: string, page: number): void {
    const uri = folioUriFor(source).toString();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    if (!editor) return;
    const line = lineOfPage(markersOf(editor.document), page);
    if (line === undefined) return;
    const at = new vscode.Position(line, 0);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  }

  private pageOfEditor(source: string): number | undefined {
    const uri = folioUriFor(source).toString();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    if (!editor) return undefined;
    return pageAtLine(markersOf(editor.document), editor.selection.active.line);
  }

  private followEditor(editor: vscode.TextEditor): void {
    if (!this.panel || editor.document.uri.scheme !== FOLIO_SCHEME) return;
    const source = sourceUriOf(editor.document.uri).fsPath;
    if (source !== this.source) return;
    const page = pageAtLine(markersOf(editor.document), editor.selection.active.line);
    if (page !== undefined && page !== this.page) {
      this.page = page;
      void this.render(page);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
