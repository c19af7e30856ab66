// Scores Folio on the scanned-invoice family: each file extracted in-process with OCR as the
// product does it (defaults, English), normalized and rendered to Markdown; CER of that
// Markdown against the expected text, and table-cell accuracy of its table blocks against the
// exact tables. Shared by scripts/score-scan-tables.ts and the corpus test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtractedDocument } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import type { OcrService } from '../../src/workers/engine/types';
import { extractFile } from '../../src/workers/extractors/extract-file';
import { normalizeDocument } from '../../src/workers/normalize/normalize-document';
import { renderMarkdown } from '../../src/workers/render/markdown';
import { characterErrorRate } from '../../tests/support/text-compare';
import { cellAccuracy, scoreTables, type CellScore, type FoundTable } from './cell-accuracy';
import { FAMILY, writeFamily, type Truth } from './write-family';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const familyDir = path.join(projectRoot, 'fixtures', 'generated', 'scan-tables');
export const truthDir = path.join(projectRoot, 'fixtures', 'generated', 'scan-tables-truth');
export const FAMILY_SEED = 20240315;

export interface FileScore extends CellScore {
  name: string;
  cer: number;
  tablesFound: number;
  tablesTruth: number;
}

/** The family's truths, generating the files first when any is missing. */
export async function familyTruths(): Promise<Truth[]> {
  const missing = FAMILY.some(
    (f) =>
      !existsSync(path.join(familyDir, f.name)) ||
      !existsSync(path.join(truthDir, `${f.name}.json`)),
  );
  if (missing) return writeFamily(familyDir, truthDir, FAMILY_SEED);
  return FAMILY.map(
    (f) => JSON.parse(readFileSync(path.join(truthDir, `${f.name}.json`), 'utf8')) as Truth,
  );
}

/** The document's tables per page: one joined over a page break is cut back into its parts. */
function foundTables(doc: ExtractedDocument): FoundTable[] {
  return doc.blocks.flatMap((b) => {
    if (b.type !== 'table') return [];
    const starts = [{ page: b.prov.page ?? 1, row: 0 }, ...(b.continuation ?? [])];
    return starts.map((s, i) => ({
      page: s.page,
      rows: b.rows.slice(s.row, starts[i + 1]?.row ?? b.rows.length),
    }));
  });
}

export async function scoreFile(
  truth: Truth,
  ocr: OcrService,
): Promise<{ score: FileScore; markdown: string }> {
  const extracted = await extractFile(path.join(familyDir, truth.name), {
    options: defaultExtractOptions,
    ocr,
  });
  const doc = normalizeDocument(extracted);
  const markdown = renderMarkdown(doc);
  const tables = foundTables(doc);
  return {
    score: {
      name: truth.name,
      cer: characterErrorRate(truth.text, markdown),
      tablesFound: tables.length,
      tablesTruth: truth.tables.length,
      ...scoreTables(truth.tables, tables),
    },
    markdown,
  };
}

export interface FamilyScore {
  files: FileScore[];
  /** Mean CER over the files. */
  meanCer: number;
  /** Matched cells over all truth cells (pooled). */
  cellAccuracy: number;
  invented: number;
}

export function summarize(files: FileScore[]): FamilyScore {
  const pooled = files.reduce<CellScore>(
    (s, f) => ({
      cells: s.cells + f.cells,
      matched: s.matched + f.matched,
      invented: s.invented + f.invented,
    }),
    { cells: 0, matched: 0, invented: 0 },
  );
  return {
    files,
    meanCer: files.reduce((s, f) => s + f.cer, 0) / Math.max(1, files.length),
    cellAccuracy: cellAccuracy(pooled),
    invented: pooled.invented,
  };
}
