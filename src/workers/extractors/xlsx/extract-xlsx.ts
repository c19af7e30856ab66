// XLSX extractor: check the zip package (bomb, truncation), read the workbook's structure from
// the zip, pick the full or the streaming exceljs reader from the declared size, fall back to a
// tolerant reader when exceljs refuses the XML, and build one `sheet` block plus table blocks
// per sheet, hidden sheets, rows and columns included and labelled.
import type { Block, ExtractionWarning } from '../../../shared/model';
import { hasFolioCode } from '../../../shared/errors';
import { textChars } from '../../../shared/text-chars';
import type { ExtractContext, ExtractedBody, Extractor } from '../../engine/types';
import { readCoreProperties } from '../../zip/core-properties';
import { openOfficePackage } from '../../zip/open-office-package';
import type { ZipPackage } from '../../zip/zip-package';
import { readFull, readStreaming } from './read-exceljs';
import { readTolerant } from './read-tolerant';
import { readStyleFormats } from './style-formats';
import type { SheetRef, SheetRowSink } from './sheet-sink';
import type { CellReading } from './cell-text';
import { SheetTable } from './sheet-table';
import { hiddenCellsWarning } from './hidden-cells';
import {
  readDeclaredRows,
  readWorkbookStructure,
  scanSheetMarks,
  type SheetMarks,
  type WorkbookSheet,
} from './workbook-parts';

export type XlsxReadMode = 'full' | 'streaming';

/**
 * A sheet part above this many bytes per threshold row is treated as long even when its
 * `<dimension>` is missing or understates it: a typical row of 10 cells is 300–600 bytes of XML.
 */
export const SHEET_BYTES_PER_ROW = 512;

/**
 * Streaming when any sheet declares more rows than the threshold, or the sheet parts are big
 * enough to hold that many rows whatever they declare. Both signals come from the zip without
 * parsing a sheet: the declared dimension from its first 4 KB, the size from the central
 * directory. A lying-high dimension (A1:XFD1048576) only costs the streaming path, never memory.
 */
export function chooseReadMode(
  declaredRows: ReadonlyArray<number | undefined>,
  sheetXmlBytes: number,
  streamingRowThreshold: number,
): XlsxReadMode {
  const declared = Math.max(0, ...declaredRows.map((r) => r ?? 0));
  if (declared > streamingRowThreshold) return 'streaming';
  return sheetXmlBytes > streamingRowThreshold * SHEET_BYTES_PER_ROW ? 'streaming' : 'full';
}

interface SheetSlot {
  table: SheetTable;
  marks: SheetMarks | undefined;
}

class WorkbookSink implements SheetRowSink {
  readonly tables: SheetTable[];
  private readonly byName = new Map<string, SheetSlot>();
  private readonly byPath = new Map<string, SheetSlot>();

  constructor(
    sheets: readonly WorkbookSheet[],
    marks: ReadonlyMap<string, SheetMarks>,
    storedValues: boolean,
  ) {
    this.tables = sheets.map((s) => {
      const sheetMarks = s.path === undefined ? undefined : marks.get(s.path);
      return new SheetTable({
        name: s.name,
        hidden: s.hidden,
        storedValues,
        ...(sheetMarks === undefined
          ? {}
          : { hiddenRows: sheetMarks.hiddenRows, hiddenColumns: sheetMarks.hiddenColumns }),
      });
    });
    sheets.forEach((sheet, i) => {
      if (sheet.chart) return;
      const slot = {
        table: this.tables[i] as SheetTable,
        marks: sheet.path === undefined ? undefined : marks.get(sheet.path),
      };
      this.byName.set(sheet.name, slot);
      if (sheet.path !== undefined) this.byPath.set(sheet.path, slot);
    });
  }

  private find(ref: SheetRef): SheetSlot | undefined {
    return (
      (ref.name === undefined ? undefined : this.byName.get(ref.name)) ??
      (ref.path === undefined ? undefined : this.byPath.get(ref.path))
    );
  }

  accepts(ref: SheetRef): boolean {
    return this.find(ref) !== undefined;
  }

  row(ref: SheetRef, rowNumber: number, cells: Array<[number, CellReading]>): void {
    this.find(ref)?.table.addRow(rowNumber, cells);
  }

  errorText(ref: SheetRef, address: string): string | undefined {
    return this.find(ref)?.marks?.errors.get(address);
  }
}

function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

const MERGES_LISTED = 20;

function mergedWarning(sheet: string, ranges: string[]): ExtractionWarning {
  const listed = ranges.slice(0, MERGES_LISTED).join(', ');
  const more = ranges.length > MERGES_LISTED ? ` and ${ranges.length - MERGES_LISTED} more` : '';
  return {
    code: 'MERGED_CELLS',
    message: `Sheet "${sheet}" has merged cells (${listed}${more}); each merged text is shown once, in the range's first cell.`,
    lossy: false,
    sheet,
  };
}

interface ReadOutcome {
  sink: WorkbookSink;
  mode: XlsxReadMode | 'tolerant';
  warnings: ExtractionWarning[];
}

async function readCells(
  pkg: ZipPackage,
  filePath: string,
  sheets: WorkbookSheet[],
  date1904: boolean,
  hasWorkbookPart: boolean,
  mode: XlsxReadMode,
  marks: ReadonlyMap<string, SheetMarks>,
  ctx: ExtractContext,
): Promise<ReadOutcome> {
  const warnings: ExtractionWarning[] = [];
  if (hasWorkbookPart) {
    const sink = new WorkbookSink(sheets, marks, ctx.options.excel.storedValues !== false);
    try {
      const { asWritten } = await readStyleFormats(pkg);
      const settings = { date1904, values: ctx.options.excel.values, formatsAsWritten: asWritten };
      await (mode === 'streaming' ? readStreaming : readFull)(filePath, settings, sink, ctx);
      return { sink, mode, warnings };
    } catch (error) {
      if (ctx.signal?.aborted || hasFolioCode(error)) throw error;
      // exceljs stops at the first XML error or odd part anywhere (a malformed sheet, a drawing
      // it trips on); the tolerant reader still gets every cell it can find.
      warnings.push({
        code: 'CONVERSION_WARNING',
        message: `The spreadsheet library could not read this workbook (${reason(error)}); its cells were read with a tolerant fallback reader, so formatting details may differ.`,
        lossy: false,
      });
    }
  } else {
    warnings.push({
      code: 'CONVERSION_WARNING',
      message:
        'The workbook part (xl/workbook.xml) is missing: sheets are named by their position and read with a tolerant reader.',
      lossy: false,
    });
  }
  const sink = new WorkbookSink(sheets, marks, ctx.options.excel.storedValues !== false);
  const stats = await readTolerant(pkg, sheets, date1904, sink, ctx);
  if (stats.missingStrings > 0) {
    warnings.push({
      code: 'CONTENT_OMITTED',
      message: `${stats.missingStrings} text cell${stats.missingStrings === 1 ? '' : 's'} refer to a shared-strings part that is missing from the package; they are shown empty.`,
      lossy: true,
    });
  }
  return { sink, mode: 'tolerant', warnings };
}

/** Cell comments (notes) live in xl/comments*.xml; they are annotations, not cell values. */
async function countCellComments(pkg: ZipPackage): Promise<number> {
  let comments = 0;
  for (const name of pkg.names().filter((n) => /^xl\/comments[^/]*\.xml$/.test(n))) {
    const xml = (await pkg.readText(name, 8 * 1024 * 1024)) ?? '';
    comments += (xml.match(/<(?:\w+:)?comment[\s>]/g) ?? []).length;
  }
  return comments;
}

export interface WorkbookExtraction extends ExtractedBody {
  /** Which reader produced the cells (for tests and benchmarks). */
  mode: XlsxReadMode | 'tolerant';
}

/** Extracts a workbook; `forceMode` overrides the size-based choice (tests compare both paths). */
export async function extractWorkbook(
  filePath: string,
  ctx: ExtractContext,
  forceMode?: XlsxReadMode,
): Promise<WorkbookExtraction> {
  const pkg = await openOfficePackage(filePath, 'xlsx', ctx.options.limits);
  try {
    const { sheets, date1904, hasWorkbookPart } = await readWorkbookStructure(pkg);
    const metadata = await readCoreProperties(pkg);
    const cellSheets = sheets.filter((s) => !s.chart && s.path !== undefined);
    const declared: Array<number | undefined> = [];
    const marks = new Map<string, SheetMarks>();
    let sheetBytes = 0;
    for (const sheet of cellSheets) {
      const sheetPath = sheet.path as string;
      declared.push(await readDeclaredRows(pkg, sheetPath));
      sheetBytes += pkg.entries.get(sheetPath)?.uncompressedSize ?? 0;
      marks.set(sheetPath, await scanSheetMarks(pkg, sheetPath));
    }
    const mode =
      forceMode ?? chooseReadMode(declared, sheetBytes, ctx.options.excel.streamingRowThreshold);
    const read = await readCells(
      pkg,
      filePath,
      sheets,
      date1904,
      hasWorkbookPart,
      mode,
      marks,
      ctx,
    );

    const blocks: Block[] = [];
    const warnings: ExtractionWarning[] = [...read.warnings];
    for (const [i, sheet] of sheets.entries()) {
      const table = read.sink.tables[i] as SheetTable;
      const { blocks: sheetBlocks, droppedRows } = table.toBlocks();
      blocks.push(...sheetBlocks);
      const name = sheet.name;
      if (sheet.hidden)
        warnings.push({
          code: 'HIDDEN_SHEET',
          message: `Sheet "${name}" is hidden in Excel; its content is included and labelled hidden.`,
          lossy: false,
          sheet: name,
        });
      if (sheet.chart)
        warnings.push({
          code: 'CONTENT_OMITTED',
          message: `Sheet "${name}" is a chart sheet: charts are not extracted (their data lives in other sheets).`,
          lossy: false,
          sheet: name,
        });
      else if (sheet.path === undefined)
        warnings.push({
          code: 'CONTENT_OMITTED',
          message: `Sheet "${name}" is listed by the workbook but its part is missing from the file.`,
          lossy: true,
          sheet: name,
        });
      else {
        const merges = marks.get(sheet.path)?.merges ?? [];
        if (merges.length > 0) warnings.push(mergedWarning(name, merges));
        const hiddenCells = hiddenCellsWarning(name, table.hiddenWithText());
        if (hiddenCells) warnings.push(hiddenCells);
      }
      if (droppedRows > 0)
        warnings.push({
          code: 'TRUNCATED',
          message: `Sheet "${name}" is too large to lay out as a table: its last ${droppedRows} rows are left out.`,
          lossy: true,
          sheet: name,
        });
    }
    const comments = await countCellComments(pkg);
    if (comments > 0)
      warnings.push({
        code: 'CONTENT_OMITTED',
        message: `${comments} cell comment${comments === 1 ? ' is' : 's are'} not included.`,
        lossy: false,
      });
    const charts = pkg.names().filter((n) => /^xl\/charts\/chart[^/]*\.xml$/.test(n)).length;
    const images = pkg.names().filter((n) => /^xl\/media\//.test(n)).length;
    if (charts > 0 || images > 0)
      warnings.push({
        code: 'CONTENT_OMITTED',
        message: `Drawings are not included (${[
          charts > 0 ? `${charts} chart${charts === 1 ? '' : 's'}` : '',
          images > 0 ? `${images} image${images === 1 ? '' : 's'}` : '',
        ]
          .filter(Boolean)
          .join(', ')}); their source data, when it is in cells, is in the tables.`,
        lossy: false,
      });
    metadata.sheetNames = sheets.map((s) => s.name);
    return {
      blocks,
      metadata,
      quality: { pages: sheets.length, textChars: textChars(blocks), ocrPages: 0 },
      warnings,
      mode: read.mode,
    };
  } finally {
    pkg.close();
  }
}

export const extractXlsx: Extractor = async (file, ctx) => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { mode, ...body } = await extractWorkbook(file.path, ctx);
  return body;
};
