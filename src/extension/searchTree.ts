// The Search view's content as plain data: the hits of one search grouped by file (in the order
// the engine ranked their best hit), each hit a line of context with its matched spans. Pure (no
// vscode import).
import path from 'node:path';
import type { SearchHit, SearchKind, SearchResult, TextRange } from '../shared/search';

export interface SearchHitNode {
  kind: 'hit';
  id: string;
  hit: SearchHit;
  sourcePath: string;
  /** The context, trimmed, and the matched spans within it. */
  label: string;
  highlights: [number, number][];
}

export interface SearchFileNode {
  kind: 'searchFile';
  id: string;
  sourcePath: string;
  path: string;
  fileKind: SearchKind;
  hits: SearchHitNode[];
}

export type SearchNode = SearchFileNode | SearchHitNode;

/** Spans of the line, moved into the context window and clipped to it. */
export function contextHighlights(hit: SearchHit, trimmed: number): [number, number][] {
  const length = hit.context.length;
  return hit.ranges
    .map((r: TextRange): [number, number] => [
      Math.max(0, r.start - hit.contextStart) - trimmed,
      Math.min(length, r.end - hit.contextStart) - trimmed,
    ])
    .filter(([start, end]) => end > start && start >= 0);
}

export function groupHits(result: SearchResult): SearchFileNode[] {
  const files = new Map<string, SearchFileNode>();
  for (const hit of result.hits) {
    const sourcePath = path.join(hit.input, ...hit.path.split('/'));
    let file = files.get(sourcePath);
    if (!file) {
      file = {
        kind: 'searchFile',
        id: `search:${sourcePath}`,
        sourcePath,
        path: hit.path,
        fileKind: hit.kind,
        hits: [],
      };
      files.set(sourcePath, file);
    }
    const lead = hit.context.length - hit.context.trimStart().length;
    file.hits.push({
      kind: 'hit',
      id: `${file.id}:${hit.line}:${hit.ranges[0]?.start ?? 0}`,
      hit,
      sourcePath,
      label: hit.context.trim(),
      highlights: contextHighlights(hit, lead),
    });
  }
  for (const file of files.values()) file.hits.sort((a, b) => a.hit.line - b.hit.line);
  return [...files.values()];
}

/** "p. 3" or "Sheet Totals", then the line: where the hit is. */
export function hitLocation(hit: SearchHit): string {
  const where = hit.page !== undefined ? `p. ${hit.page}` : hit.sheet ? hit.sheet : undefined;
  return where ? `${where} · line ${hit.line + 1}` : `line ${hit.line + 1}`;
}

/** "12 hits in 3 files", with "(first 500)" when the limit cut the list. */
export function summaryText(result: SearchResult): string {
  const n = result.hits.length;
  const hits = `${n} ${n === 1 ? 'hit' : 'hits'}`;
  const files = `${result.filesMatched} ${result.filesMatched === 1 ? 'file' : 'files'}`;
  return `${hits} in ${files}${result.truncated ? ` (first ${n})` : ''}`;
}
