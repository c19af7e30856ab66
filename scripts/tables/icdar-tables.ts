// Folio's PDF tables on the ICDAR 2013 table competition's EU documents: each PDF through the
// product extractor (defaults, OCR off: they are born-digital), its table blocks written as the
// SYS.json that the shared scorer reads, and the scorer's verdict. Used by the bench script
// (scripts/score-icdar-tables.ts) and the corpus test, so both measure the same thing.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Block, ExtractedDocument } from '../../src/shared/model';
import { defaultExtractOptions } from '../../src/shared/options';
import { extractFile } from '../../src/workers/extractors/extract-file';

export const tablesCorpusDir = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'tables',
);
export const icdarDir = path.join(tablesCorpusDir, 'icdar2013-eu');
export const icdarAvailable =
  existsSync(path.join(tablesCorpusDir, 'score-tables.mjs')) && existsSync(icdarDir);

type TableBlock = Extract<Block, { type: 'table' }>;
/** Per page (1-based, as a string), its tables as rows of cell texts. */
export type SysPages = Record<string, string[][][]>;

export interface IcdarScore {
  documents: number;
  tablesGt: number;
  tablesFound: number;
  precision: number;
  recall: number;
  f1: number;
  meanDocF1: number;
}

/** A document's tables per page; a table continued over pages is cut back into its pages. */
export function sysPages(doc: ExtractedDocument): SysPages {
  const pages: SysPages = {};
  const add = (page: number, rows: string[][]) => {
    if (rows.length > 0) (pages[String(page)] ??= []).push(rows);
  };
  for (const block of doc.blocks) {
    if (block.type !== 'table') continue;
    const table = block as TableBlock;
    const page = table.prov.page ?? 1;
    const parts = table.continuation ?? [];
    let start = 0;
    let current = page;
    for (const part of parts) {
      add(current, table.rows.slice(start, part.row));
      start = part.row;
      current = part.page;
    }
    add(current, table.rows.slice(start));
  }
  return pages;
}

export function icdarPdfs(): string[] {
  return readdirSync(icdarDir)
    .filter((n) => n.endsWith('.pdf'))
    .sort();
}

/**
 * The ground truth as the scorer can read it. 16 of the 27 structure files write some attributes
 * in single quotes (page='1', start-row='3'), which the scorer's regular expressions (double
 * quotes only) read as missing: their tables land on page "NaN" and no output can match them.
 * The copy says the same with double quotes; the PDFs are linked beside it (the scorer checks
 * that each document's PDF exists).
 */
export function readableGroundTruth(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-icdar-gt-'));
  for (const name of readdirSync(icdarDir)) {
    const from = path.join(icdarDir, name);
    if (name.endsWith('.xml')) {
      const xml = readFileSync(from, 'utf8').replace(/(\s[\w-]+)='([^']*)'/g, '$1="$2"');
      writeFileSync(path.join(dir, name), xml);
    } else if (name.endsWith('.pdf')) symlinkSync(from, path.join(dir, name));
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs the shared scorer on a SYS file against the readable ground truth. */
export function runScorer(
  sysFile: string,
  verbose: boolean,
): { score: IcdarScore; perDoc: string[] } {
  const gt = readableGroundTruth();
  try {
    const out = execFileSync(
      process.execPath,
      [
        path.join(tablesCorpusDir, 'score-tables.mjs'),
        '--gt',
        gt.dir,
        '--sys',
        sysFile,
        ...(verbose ? ['--verbose'] : []),
      ],
      { encoding: 'utf8' },
    );
    const lines = out.trim().split('\n');
    return { score: JSON.parse(lines[lines.length - 1]) as IcdarScore, perDoc: lines.slice(0, -1) };
  } finally {
    gt.dispose();
  }
}

/** Extracts every PDF, writes `sysFile`, runs the scorer; `verbose` adds per-document lines. */
export async function scoreIcdar(
  sysFile: string,
  verbose = false,
): Promise<{ score: IcdarScore; perDoc: string[] }> {
  const sys: Record<string, SysPages> = {};
  const options = {
    ...defaultExtractOptions,
    ocr: { ...defaultExtractOptions.ocr, enabled: false },
  };
  for (const name of icdarPdfs()) {
    const doc = await extractFile(path.join(icdarDir, name), { options });
    sys[name] = sysPages(doc);
  }
  writeFileSync(sysFile, JSON.stringify(sys, null, 1));
  return runScorer(sysFile, verbose);
}
