// The Results view's content as plain data: runs → folders → files, each file in one state
// (failed, partial, warnings, ok, skipped) with counts per node. Pure (no vscode import): the view
// (ResultsView.ts) only turns these nodes into tree items.
import path from 'node:path';
import type { FileReport } from '../shared/report';
import type { FolderLocation, FolderRun } from './mergeRuns';
import { outputPathOf, sourcePathOf } from './mergeRuns';
import {
  copiesByOriginal,
  duplicateTooltipLines,
  hasDuplicates,
  relatedSourcePath,
} from './resultDuplicates';

/** "warnings" is an ok file that still carries warnings: not the same as a clean ok. */
export type ResultState = 'failed' | 'partial' | 'warnings' | 'ok' | 'skipped';

export const RESULT_STATES: readonly ResultState[] = [
  'failed',
  'partial',
  'warnings',
  'ok',
  'skipped',
];

export type StateCounts = Record<ResultState, number>;

/**
 * What "Filter Results…" can pick: states, and `duplicates` (files with an exact or a near
 * duplicate, both ends of each pair), which narrows whatever states are picked with it.
 */
export const DUPLICATES_FILTER = 'duplicates';
export type ResultFilter = ResultState | typeof DUPLICATES_FILTER;
export const RESULT_FILTERS: readonly ResultFilter[] = [...RESULT_STATES, DUPLICATES_FILTER];

export function isResultFilter(value: unknown): value is ResultFilter {
  return RESULT_FILTERS.includes(value as ResultFilter);
}

export interface FileNode {
  kind: 'file';
  id: string;
  name: string;
  state: ResultState;
  file: FileReport;
  folder: FolderLocation;
  sourcePath: string;
  outputPath?: string;
  /** Report paths of the files with this file's bytes (its exact duplicates), in walk order. */
  copies: string[];
}

export interface FolderNode {
  kind: 'folder';
  id: string;
  name: string;
  counts: StateCounts;
  children: TreeNode[];
}

export interface RunNode {
  kind: 'run';
  id: string;
  name: string;
  input: string;
  counts: StateCounts;
  children: TreeNode[];
}

export type TreeNode = RunNode | FolderNode | FileNode;

export function stateOf(file: FileReport): ResultState {
  if (file.status === 'ok') return (file.warnings?.length ?? 0) > 0 ? 'warnings' : 'ok';
  return file.status;
}

export function emptyCounts(): StateCounts {
  return { failed: 0, partial: 0, warnings: 0, ok: 0, skipped: 0 };
}

/** "5 files · 2 failed · 1 partial": the states present, worst first. */
export function countsText(counts: StateCounts): string {
  const total = RESULT_STATES.reduce((n, s) => n + counts[s], 0);
  const parts = [`${total} ${total === 1 ? 'file' : 'files'}`];
  for (const state of RESULT_STATES) {
    if (counts[state] > 0 && state !== 'ok') parts.push(`${counts[state]} ${state}`);
  }
  return parts.join(' · ');
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** The file's line beside its name: pages, OCR confidence, time. */
export function fileDescription(file: FileReport): string {
  const parts: string[] = [];
  // Word files report no pages (0); a workbook's pages are its sheets.
  if (file.pages) {
    const unit = file.kind === 'xlsx' ? ['sheet', 'sheets'] : ['page', 'pages'];
    parts.push(`${file.pages} ${file.pages === 1 ? unit[0] : unit[1]}`);
  }
  if (file.ocrPages) {
    parts.push(file.ocrConfidence === undefined ? 'OCR' : `OCR ${Math.round(file.ocrConfidence)}%`);
  }
  if (file.status === 'failed' || file.status === 'skipped') parts.push(file.code ?? file.status);
  parts.push(file.cached ? `${seconds(file.ms)} (cached)` : seconds(file.ms));
  return parts.join(' · ');
}

/** Tooltip lines: status, code and message, then every warning. */
export function fileTooltip(node: FileNode): string {
  const { file } = node;
  const lines = [`${file.path}`, `${node.state}${file.code ? ` (${file.code})` : ''}`];
  if (file.message) lines.push(file.message);
  lines.push(fileDescription(file));
  for (const w of file.warnings ?? []) lines.push(`- ${w.message}`);
  lines.push(...duplicateTooltipLines(node));
  return lines.join('\n');
}

/**
 * One tree per extracted folder. A file extracted again on its own (a run of its folder, narrowed
 * to it) replaces its entry in the run that holds it, so re-extracting never lists a file twice.
 */
export function buildResultTree(
  runs: readonly FolderRun[],
  filter?: ReadonlySet<ResultFilter>,
): RunNode[] {
  const states = RESULT_STATES.filter((s) => filter?.has(s));
  const duplicatesOnly = filter?.has(DUPLICATES_FILTER) ?? false;
  const roots: FolderRun[] = [];
  for (const run of runs) {
    if (!roots.some((r) => r.input === run.input || isInside(run.input, r.input))) {
      // A broader run replaces the narrower ones found before it.
      for (let i = roots.length - 1; i >= 0; i--) {
        if (isInside(roots[i]!.input, run.input)) roots.splice(i, 1);
      }
      roots.push(run);
    }
  }
  const latest = new Map<string, { run: FolderRun; file: FileReport }>();
  const copies = new Map<string, string[]>();
  for (const run of runs) {
    for (const file of run.report.files) latest.set(sourcePathOf(run, file), { run, file });
    for (const [original, list] of copiesByOriginal(run.report.files)) {
      copies.set(relatedSourcePath(run, original), list);
    }
  }
  return roots.map((root) => {
    const node: RunNode = {
      kind: 'run',
      id: `run:${root.input}`,
      name: path.basename(root.input),
      input: root.input,
      counts: emptyCounts(),
      children: [],
    };
    for (const [sourcePath, { run, file }] of latest) {
      if (sourcePath !== root.input && !isInside(sourcePath, root.input)) continue;
      const state = stateOf(file);
      node.counts[state]++;
      if (states.length > 0 && !states.includes(state)) continue;
      const fileCopies = copies.get(sourcePath) ?? [];
      if (duplicatesOnly && !hasDuplicates({ file, copies: fileCopies })) continue;
      const rel = path.relative(root.input, sourcePath).split(path.sep);
      let parent: RunNode | FolderNode = node;
      for (let i = 0; i < rel.length - 1; i++) parent = folderIn(parent, rel[i]!);
      parent.children.push({
        kind: 'file',
        id: `file:${sourcePath}`,
        name: rel[rel.length - 1]!,
        state,
        file,
        folder: run,
        sourcePath,
        outputPath: outputPathOf(run, file),
        copies: fileCopies,
      });
    }
    countFolders(node);
    sortChildren(node);
    return node;
  });
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function folderIn(parent: RunNode | FolderNode, name: string): FolderNode {
  const found = parent.children.find(
    (c): c is FolderNode => c.kind === 'folder' && c.name === name,
  );
  if (found) return found;
  const folder: FolderNode = {
    kind: 'folder',
    id: `${parent.id}/${name}`,
    name,
    counts: emptyCounts(),
    children: [],
  };
  parent.children.push(folder);
  return folder;
}

function countFolders(node: RunNode | FolderNode): StateCounts {
  const counts = emptyCounts();
  for (const child of node.children) {
    if (child.kind === 'file') counts[child.state]++;
    else {
      const sub = countFolders(child);
      for (const s of RESULT_STATES) counts[s] += sub[s];
    }
  }
  if (node.kind === 'folder') node.counts = counts;
  return counts;
}

/** Folders first, then files worst state first, then by name. */
function sortChildren(node: RunNode | FolderNode): void {
  const rank = (n: TreeNode) => (n.kind === 'file' ? 1 + RESULT_STATES.indexOf(n.state) : 0);
  node.children.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  for (const child of node.children) if (child.kind === 'folder') sortChildren(child);
}

/** Every file node under the given nodes (for "expand all" or tests). */
export function filesOf(nodes: readonly TreeNode[]): FileNode[] {
  return nodes.flatMap((n) => (n.kind === 'file' ? [n] : filesOf(n.children)));
}
