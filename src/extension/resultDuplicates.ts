// How the Results tree words a file's duplicates: "duplicate of X" for the same bytes (the engine
// extracted them once), "≈ 93% like Y" for nearly the same text, "copied as Z" on the original, so
// a reviewer sees both ends of a pair. Pure (no vscode import): the view and the tests share it.
import path from 'node:path';
import type { FileReport } from '../shared/report';
import type { FolderLocation } from './mergeRuns';
import { untranslated, type Translate } from './translate';

/** What the tree knows of a file's duplicates: its report entry and the files copying it. */
export interface DuplicateFacts {
  file: FileReport;
  /** Report paths (same run) of the files whose bytes are this file's. */
  copies: readonly string[];
}

export function percentAlike(similarity: number): number {
  // Never "100%" for texts that are not the same: the estimate rounds, the texts differ.
  return Math.min(99, Math.round(similarity * 100));
}

const more = (n: number) => (n > 1 ? ` +${n - 1}` : '');

/** The words beside the file's name; undefined when it has no duplicate of any kind. */
export function duplicateDescription(
  facts: DuplicateFacts,
  t: Translate = untranslated,
): string | undefined {
  const { file, copies } = facts;
  const parts: string[] = [];
  if (file.duplicateOf !== undefined) parts.push(t('duplicate of {0}', file.duplicateOf));
  if (copies.length > 0) parts.push(t('copied as {0}', copies[0]!) + more(copies.length));
  const near = file.nearDuplicates ?? [];
  if (near.length > 0) {
    parts.push(
      t('≈ {0}% like {1}', percentAlike(near[0]!.similarity), near[0]!.path) + more(near.length),
    );
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Tooltip lines: every duplicate in full, with what it means for the text. */
export function duplicateTooltipLines(
  facts: DuplicateFacts,
  t: Translate = untranslated,
): string[] {
  const { file, copies } = facts;
  const lines: string[] = [];
  if (file.duplicateOf !== undefined) {
    lines.push(
      t('Exact duplicate of {0} (same SHA-256): extracted once, the same text', file.duplicateOf),
    );
  }
  for (const copy of copies) lines.push(t('Exact duplicate: {0} has the same bytes', copy));
  for (const near of file.nearDuplicates ?? []) {
    lines.push(t('Near-duplicate: {0}, {1}% alike', near.path, percentAlike(near.similarity)));
  }
  return lines;
}

export function hasDuplicates(facts: DuplicateFacts): boolean {
  return (
    facts.file.duplicateOf !== undefined ||
    facts.copies.length > 0 ||
    (facts.file.nearDuplicates?.length ?? 0) > 0
  );
}

/** Original report path → the report paths of its exact duplicates, for one run's files. */
export function copiesByOriginal(files: readonly FileReport[]): Map<string, string[]> {
  const copies = new Map<string, string[]>();
  for (const file of files) {
    if (file.duplicateOf === undefined) continue;
    const list = copies.get(file.duplicateOf);
    if (list) list.push(file.path);
    else copies.set(file.duplicateOf, [file.path]);
  }
  return copies;
}

/** A related file's source: its path in the report is relative to the same extracted folder. */
export function relatedSourcePath(folder: FolderLocation, reportPath: string): string {
  return path.join(folder.input, ...reportPath.split('/'));
}
