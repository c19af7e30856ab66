// The "Search" tree in the Folio view: the last search's hits, file → hits (a line of context with
// the matched words highlighted, its page), a count per file. A click opens the `folio:` text at
// the hit with the match selected and every match of the line decorated. The search itself runs
// in the child process (RunnerHost.search); this view only shows what it answered.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SearchKind, SearchResult } from '../shared/search';
import { openResultText, textColumn } from './ResultsView';
import {
  groupHits,
  hitLocation,
  summaryText,
  type SearchHitNode,
  type SearchNode,
} from './searchTree';

export const OPEN_HIT_COMMAND = 'folio.openSearchHit';

const KIND_ICONS: Record<SearchKind, string> = {
  pdf: 'file-pdf',
  docx: 'file-text',
  xlsx: 'table',
  image: 'file-media',
};

export class SearchView implements vscode.TreeDataProvider<SearchNode>, vscode.Disposable {
  static readonly viewId = 'folio.search';
  private readonly changed = new vscode.EventEmitter<SearchNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<SearchNode>;
  private files: ReturnType<typeof groupHits> = [];
  private result: SearchResult | undefined;
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
    borderStyle: 'solid',
    borderWidth: '1px',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private decorated: vscode.TextEditor | undefined;

  constructor() {
    this.view = vscode.window.createTreeView(SearchView.viewId, {
      treeDataProvider: this,
      showCollapseAll: true,
    });
  }

  get lastResult(): SearchResult | undefined {
    return this.result;
  }

  /** The file nodes shown (tests read them). */
  get topLevel(): readonly SearchNode[] {
    return this.files;
  }

  show(result: SearchResult, filters: string): void {
    this.result = result;
    this.files = groupHits(result);
    this.view.message =
      result.hits.length === 0
        ? vscode.l10n.t('No text matches "{0}"{1}.', result.query, filters)
        : vscode.l10n.t('{0} for "{1}"{2}', summaryText(result), result.query, filters);
    this.view.description = result.query;
    this.changed.fire(undefined);
  }

  getChildren(node?: SearchNode): SearchNode[] {
    if (!node) return this.files;
    return node.kind === 'searchFile' ? node.hits : [];
  }

  getParent(node: SearchNode): SearchNode | undefined {
    if (node.kind === 'searchFile') return undefined;
    return this.files.find((f) => f.hits.includes(node));
  }

  getTreeItem(node: SearchNode): vscode.TreeItem {
    if (node.kind === 'searchFile') {
      const item = new vscode.TreeItem(
        path.basename(node.path),
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = node.id;
      item.description = `${path.dirname(node.path) === '.' ? '' : `${path.dirname(node.path)} · `}${node.hits.length}`;
      item.tooltip = node.sourcePath;
      item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.fileKind]);
      item.contextValue = 'folioSearchFile';
      return item;
    }
    const item = new vscode.TreeItem(
      { label: node.label, highlights: node.highlights },
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = hitLocation(node.hit);
    item.tooltip = `${node.hit.path} · ${hitLocation(node.hit)}\n${node.label}`;
    item.contextValue = 'folioSearchHit';
    item.command = {
      command: OPEN_HIT_COMMAND,
      title: vscode.l10n.t('Open at the Hit'),
      arguments: [node],
    };
    return item;
  }

  /** Opens the hit's text (preview tab) with the first match selected and all of them decorated. */
  async open(node: SearchHitNode): Promise<vscode.TextEditor> {
    const { hit } = node;
    const ranges = hit.ranges.map((r) => new vscode.Range(hit.line, r.start, hit.line, r.end));
    const editor = await openResultText(node.sourcePath, {
      selection: ranges[0] ?? new vscode.Range(hit.line, 0, hit.line, 0),
      viewColumn: textColumn(),
    });
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    if (this.decorated && this.decorated !== editor)
      this.decorated.setDecorations(this.highlight, []);
    editor.setDecorations(this.highlight, ranges);
    this.decorated = editor;
    return editor;
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
    this.highlight.dispose();
  }
}
