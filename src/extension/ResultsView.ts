// The "Results" tree in the Folio view: the last run's files under their run and folders, with a
// theme icon and colour per state, counts on runs and folders, and the actions of a file in its
// context value (see `view/item/context` in package.json). The data comes from the RunStore; the
// tree is rebuilt when the store changes (a file done, a run saved, the cache cleared).
import * as vscode from 'vscode';
import { FOLIO_SCHEME, folioUriFor } from './folioUri';
import { duplicateDescription } from './resultDuplicates';
import {
  buildResultTree,
  countsText,
  fileDescription,
  fileTooltip,
  RESULT_STATES,
  type FileNode,
  type ResultFilter,
  type ResultState,
  type TreeNode,
} from './resultsTree';
import type { RunStore } from './RunStore';

const ICONS: Record<ResultState, [string, string]> = {
  failed: ['error', 'list.errorForeground'],
  partial: ['warning', 'list.warningForeground'],
  // A check, but in the warning colour: ok, yet with something to read in Problems.
  warnings: ['pass', 'list.warningForeground'],
  ok: ['pass-filled', 'testing.iconPassed'],
  skipped: ['circle-slash', 'disabledForeground'],
};

export const OPEN_RESULT_COMMAND = 'folio.openResult';

export class ResultsView implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  static readonly viewId = 'folio.results';
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private roots: TreeNode[] = [];
  private filter: Set<ResultFilter> | undefined;
  readonly view: vscode.TreeView<TreeNode>;

  constructor(private readonly store: RunStore) {
    this.view = vscode.window.createTreeView(ResultsView.viewId, {
      treeDataProvider: this,
      showCollapseAll: true,
    });
    this.disposables.push(
      this.view,
      this.changed,
      store.onDidChange(() => this.refresh()),
    );
    this.refresh();
  }

  /** The states (and `duplicates`) shown; undefined shows all. */
  get shownStates(): ReadonlySet<ResultFilter> | undefined {
    return this.filter;
  }

  setFilter(filters: readonly ResultFilter[] | undefined): void {
    const picked = new Set(filters ?? []);
    // Every state picked is no narrowing by state (duplicates may still narrow).
    if (RESULT_STATES.every((s: ResultState) => picked.has(s))) {
      for (const s of RESULT_STATES) picked.delete(s);
    }
    this.filter = picked.size > 0 ? picked : undefined;
    void vscode.commands.executeCommand('setContext', 'folio.resultsFiltered', !!this.filter);
    this.refresh();
  }

  refresh(): void {
    this.roots = buildResultTree(this.store.lastRuns, this.filter);
    void vscode.commands.executeCommand('setContext', 'folio.hasResults', this.roots.length > 0);
    this.view.message = this.filter
      ? vscode.l10n.t('Showing {0} only', [...this.filter].join(', '))
      : undefined;
    this.changed.fire(undefined);
  }

  /** The nodes shown at the top (tests read them to check what the tree holds). */
  get topLevel(): readonly TreeNode[] {
    return this.roots;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.roots;
    return node.kind === 'file' ? [] : node.children;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    const find = (nodes: TreeNode[], parent?: TreeNode): TreeNode | undefined => {
      for (const n of nodes) {
        if (n === node) return parent;
        if (n.kind !== 'file') {
          const found = find(n.children, n);
          if (found) return found;
        }
      }
      return undefined;
    };
    return find(this.roots);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'file') return this.fileItem(node);
    const item = new vscode.TreeItem(
      node.name,
      node.kind === 'run'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = countsText(node.counts);
    item.iconPath = new vscode.ThemeIcon(node.kind === 'run' ? 'root-folder' : 'folder');
    item.contextValue = node.kind === 'run' ? 'folioRun' : 'folioFolder';
    if (node.kind === 'run') item.tooltip = node.input;
    return item;
  }

  private fileItem(node: FileNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.None);
    const [icon, colour] = ICONS[node.state];
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(colour));
    const warnings = node.file.warnings?.length ?? 0;
    // A duplicate says so first: a narrow view cuts the description's end off.
    const duplicates = duplicateDescription(node, vscode.l10n.t);
    const description = duplicates ? [duplicates] : [];
    description.push(fileDescription(node.file));
    if (node.state === 'warnings' || (node.state === 'partial' && warnings > 0)) {
      description.push(vscode.l10n.t('{0} warnings', warnings));
    }
    item.description = description.join(' · ');
    item.tooltip = fileTooltip(node);
    item.resourceUri = vscode.Uri.file(node.sourcePath);
    item.contextValue = fileContext(node);
    item.command = {
      command: OPEN_RESULT_COMMAND,
      title: vscode.l10n.t('Open Extracted Text'),
      arguments: [node],
    };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Words the menus' `when` clauses test with `viewItem =~ /\bword\b/`: the state, `text` when an
 * output exists, `paged` for files with pages to show (PDF, images), `sha` when the report has
 * the file's sha256, `duplicate` for an exact duplicate, `near` when it has near-duplicates (to
 * compare its text with).
 */
export function fileContext(node: FileNode): string {
  const words = ['folioFile', node.state];
  if (node.outputPath) words.push('text');
  if (node.file.kind === 'pdf' || node.file.kind === 'image') words.push('paged');
  if (sha256Of(node)) words.push('sha');
  if (node.file.duplicateOf !== undefined) words.push('duplicate');
  if ((node.file.nearDuplicates?.length ?? 0) > 0) words.push('near');
  return words.join(' ');
}

/** The source file's sha256 when the run report carries it (review-engine's report fields). */
export function sha256Of(node: FileNode): string | undefined {
  const value = (node.file as { sha256?: unknown }).sha256;
  return typeof value === 'string' ? value : undefined;
}

/** Opens a result's text in the preview tab: one click after another never adds tabs. */
export async function openResultText(
  sourcePath: string,
  options: { preview?: boolean; selection?: vscode.Range; viewColumn?: vscode.ViewColumn } = {},
): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(folioUriFor(sourcePath));
  return vscode.window.showTextDocument(doc, {
    preview: options.preview ?? true,
    preserveFocus: false,
    selection: options.selection,
    viewColumn: options.viewColumn,
  });
}

/**
 * Where a text opens: the group already showing a `folio:` text, else the first group, so a text
 * never lands in the group of the source panel beside it.
 */
export function textColumn(): vscode.ViewColumn {
  const shown = vscode.window.visibleTextEditors.find(
    (e) => e.document.uri.scheme === FOLIO_SCHEME,
  );
  return shown?.viewColumn ?? vscode.ViewColumn.One;
}
