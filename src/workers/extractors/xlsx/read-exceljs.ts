// The only module that talks to exceljs: the full in-memory reader for ordinary workbooks and
// the streaming WorkbookReader for long ones. Both hand rows to the same sink with the same
// cell-text rules, so they give identical output (a test checks it on the same workbook).
import ExcelJS from 'exceljs';
import { columnLetters } from '../../../shared/a1';
import type { ExtractContext } from '../../engine/types';
import { type CellReading, type CellValuesMode, readCell } from './cell-text';
import { PROGRESS_EVERY, type SheetRowSink, throwIfCancelled } from './sheet-sink';

/** exceljs's Cell, reduced to what is read here (the typings differ between the readers). */
interface CellLike {
  value: unknown;
  numFmt?: string;
  type?: number;
  /** The formula, a shared one translated to this cell (full reader; may throw when streaming). */
  formula?: string;
}
interface RowLike {
  number: number;
  eachCell(options: { includeEmpty: boolean }, fn: (cell: CellLike, column: number) => void): void;
}

/** ValueType.Merge: a cell covered by a merge, whose value getter returns the master's value. */
const MERGE_CELL_TYPE = 1;

/**
 * A formula without a usable cached result. The streaming reader parses a cached error
 * (`<v>#N/A</v>`) as a number and drops the NaN, so such cells are looked up in the sheet's
 * error cells; a formula never calculated stays empty either way.
 */
function lostFormulaResult(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (!('formula' in value || 'sharedFormula' in value)) return false;
  const result = (value as { result?: unknown }).result;
  return result === undefined || (typeof result === 'number' && Number.isNaN(result));
}

/** A shared formula's text for a cell that only points at its master; undefined if unknown. */
function formulaOf(cell: CellLike): string | undefined {
  try {
    const formula = cell.formula;
    return typeof formula === 'string' && formula !== '' ? formula : undefined;
  } catch {
    return undefined;
  }
}

/** How every cell of a workbook is read: its date system, the values setting, its formats. */
export interface ReadSettings {
  date1904: boolean;
  values: CellValuesMode;
  /** exceljs's spelling of a number format → the code as written (see style-formats.ts). */
  formatsAsWritten: ReadonlyMap<string, string>;
}

function rowCells(
  row: RowLike,
  settings: ReadSettings,
  errorText: (address: string) => string | undefined,
): Array<[number, CellReading]> {
  const { date1904, values, formatsAsWritten } = settings;
  const cells: Array<[number, CellReading]> = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    // The merged text stays in the range's top-left cell only, as Excel shows it.
    if (cell.type === MERGE_CELL_TYPE) return;
    const reading: CellReading = lostFormulaResult(cell.value)
      ? { text: errorText(`${columnLetters(column)}${row.number}`) ?? '' }
      : readCell(cell.value, {
          numFmt:
            cell.numFmt === undefined
              ? undefined
              : (formatsAsWritten.get(cell.numFmt) ?? cell.numFmt),
          date1904,
          values,
        });
    const formula = reading.formula ?? formulaOf(cell);
    cells.push([column, formula === undefined ? reading : { ...reading, formula }]);
  });
  return cells;
}

/** Parts the engine never uses: skipping them saves time and avoids their parse errors. */
const IGNORED_NODES = [
  'dataValidations',
  'conditionalFormatting',
  'extLst',
  'sheetProtection',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'picture',
  'drawing',
];

export async function readFull(
  path: string,
  settings: ReadSettings,
  sink: SheetRowSink,
  ctx: ExtractContext,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path, { ignoreNodes: IGNORED_NODES });
  ctx.onProgress?.({ rows: 0 });
  let rows = 0;
  for (const worksheet of workbook.worksheets) {
    const ref = { name: worksheet.name, path: undefined };
    if (!sink.accepts(ref)) continue;
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      sink.row(
        ref,
        row.number,
        rowCells(row as unknown as RowLike, settings, (a) => sink.errorText(ref, a)),
      );
      if (++rows % PROGRESS_EVERY === 0) {
        throwIfCancelled(ctx.signal);
        ctx.onProgress?.({ rows });
      }
    });
  }
}

/** A WorksheetReader's fields that its typings leave out. */
interface StreamedSheet extends AsyncIterable<unknown> {
  id?: string | number;
  name?: string;
}

export async function readStreaming(
  path: string,
  settings: ReadSettings,
  sink: SheetRowSink,
  ctx: ExtractContext,
): Promise<void> {
  // styles 'cache' is required: without it date cells arrive as serial numbers.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  for await (const sheet of reader as AsyncIterable<StreamedSheet>) {
    // Before the workbook part is matched the reader's id is the part's number (sheetN.xml).
    const ref = {
      name: sheet.name,
      path: sheet.name === undefined ? `xl/worksheets/sheet${String(sheet.id)}.xml` : undefined,
    };
    const wanted = sink.accepts(ref);
    for await (const row of sheet) {
      if (wanted) {
        const cells = rowCells(row as RowLike, settings, (a) => sink.errorText(ref, a));
        sink.row(ref, (row as RowLike).number, cells);
      }
      if (++rows % PROGRESS_EVERY === 0) {
        throwIfCancelled(ctx.signal);
        ctx.onProgress?.({ rows });
      }
    }
  }
}
