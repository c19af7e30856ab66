// Duplicates in a batch's report: a file with the same bytes as an earlier one (walk order) says
// whose duplicate it is, and files with nearly the same text list each other with their
// similarity. Applied to the child's report entries when the batch ends, once every file's
// signature is in the search index.
import type { FileReport } from '../../shared/report';
import { DEFAULT_NEAR_DUPLICATE_THRESHOLD, findDuplicates } from '../text-search/near-duplicates';

/** Sets `duplicateOf` and `nearDuplicates` on the reports (in walk order), in place. */
export function applyRelations(
  reports: FileReport[],
  signatureOf: (rel: string) => readonly number[] | undefined,
  threshold = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
): void {
  const items = reports.map((r) => {
    const written = r.status === 'ok' || r.status === 'partial';
    const signature = written ? signatureOf(r.path) : undefined;
    return {
      path: r.path,
      ...(r.sha256 !== undefined ? { sha256: r.sha256 } : {}),
      ...(signature ? { signature } : {}),
    };
  });
  const { duplicateOf, nearDuplicates } = findDuplicates(items, threshold);
  for (const report of reports) {
    const original = duplicateOf.get(report.path);
    if (original !== undefined) report.duplicateOf = original;
    else delete report.duplicateOf;
    const near = nearDuplicates.get(report.path);
    if (near) report.nearDuplicates = near;
  }
}
