// One answer from the searches of several indexes: the extension's own cache and, for runs that
// went through the queue, the shared folder's cache (each index lives beside its cache). Hits
// best first over all of them, cut to the limit; the counts add up.
import type { SearchResult } from '../shared/search';

export function mergeSearchResults(
  query: string,
  results: readonly SearchResult[],
  limit: number,
): SearchResult {
  if (results.length === 1) return results[0];
  const all = results.flatMap((r) => r.hits);
  // Stable: a file's hits keep their page and line order within one index's answer.
  const hits = [...all].sort((a, b) => b.score - a.score).slice(0, limit);
  return {
    query,
    hits,
    matchedChunks: results.reduce((n, r) => n + r.matchedChunks, 0),
    filesMatched: new Set(hits.map((h) => `${h.input}\0${h.path}`)).size,
    truncated: all.length > limit || results.some((r) => r.truncated),
    indexed: {
      files: results.reduce((n, r) => n + r.indexed.files, 0),
      chunks: results.reduce((n, r) => n + r.indexed.chunks, 0),
    },
    ms: Math.max(0, ...results.map((r) => r.ms)),
  };
}
