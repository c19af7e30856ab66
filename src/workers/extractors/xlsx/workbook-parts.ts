// The workbook's structure read straight from the zip, independent of exceljs: the sheet list
// in tab order (name, hidden state, part path), the 1904 date flag, each sheet's declared
// dimension (from the first few KB only), and from one streaming scan of each sheet its merged
// ranges, error cells and hidden rows and columns.
import { decodeXmlEntities, findStartTags, parseAttributes } from '../../zip/xml-text';
import type { ZipPackage } from '../../zip/zip-package';

export interface WorkbookSheet {
  name: string;
  hidden: boolean;
  /** Zip path of the part, e.g. `xl/worksheets/sheet1.xml`; undefined when unresolvable. */
  path: string | undefined;
  /** A chart sheet holds a chart, no cells. */
  chart: boolean;
}

export interface WorkbookStructure {
  sheets: WorkbookSheet[];
  date1904: boolean;
  /** False when xl/workbook.xml is missing (a damaged or hand-made package). */
  hasWorkbookPart: boolean;
}

const SMALL_PART_MAX_BYTES = 8 * 1024 * 1024;
/** `<dimension>` sits before `<sheetData>`, within the first KB of a sheet part. */
const SHEET_HEAD_BYTES = 4096;

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function sheetPartNumber(path: string): number {
  return Number(/(\d+)\.xml$/.exec(path)?.[1] ?? 0);
}

export async function readWorkbookStructure(pkg: ZipPackage): Promise<WorkbookStructure> {
  const workbookXml = await pkg.readText('xl/workbook.xml', SMALL_PART_MAX_BYTES);
  if (workbookXml === undefined) {
    // No workbook part: take the worksheet parts in number order, named as Excel would.
    const paths = pkg
      .names()
      .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
      .sort((a, b) => sheetPartNumber(a) - sheetPartNumber(b));
    return {
      sheets: paths.map((path, i) => ({
        name: `Sheet${i + 1}`,
        hidden: false,
        path,
        chart: false,
      })),
      date1904: false,
      hasWorkbookPart: false,
    };
  }
  const relsXml = (await pkg.readText('xl/_rels/workbook.xml.rels', SMALL_PART_MAX_BYTES)) ?? '';
  const targets = new Map<string, string>();
  for (const tag of findStartTags(relsXml, 'Relationship')) {
    const { Id: id, Target: target } = parseAttributes(tag);
    if (id !== undefined && target !== undefined) targets.set(id, resolveTarget(target));
  }
  const workbookPr = parseAttributes(findStartTags(workbookXml, 'workbookPr')[0] ?? '');
  const date1904 = workbookPr.date1904 === '1' || workbookPr.date1904 === 'true';
  const sheets = findStartTags(workbookXml, 'sheet').map((tag): WorkbookSheet => {
    const attributes = parseAttributes(tag);
    const relId =
      attributes['r:id'] ?? Object.entries(attributes).find(([k]) => k.endsWith(':id'))?.[1];
    const path = relId === undefined ? undefined : targets.get(relId);
    return {
      name: attributes.name ?? '',
      hidden: attributes.state === 'hidden' || attributes.state === 'veryHidden',
      path: path !== undefined && pkg.has(path) ? path : undefined,
      chart: path?.includes('chartsheets/') ?? false,
    };
  });
  return { sheets, date1904, hasWorkbookPart: true };
}

/** Rows declared by `<dimension ref="A1:K2000">` (2000), or undefined when absent. */
export function declaredRows(sheetHead: string): number | undefined {
  const tag = findStartTags(sheetHead, 'dimension')[0];
  const ref = tag === undefined ? undefined : parseAttributes(tag).ref;
  const rows = ref?.match(/\d+/g)?.map(Number);
  return rows === undefined || rows.length === 0 ? undefined : Math.max(...rows);
}

export async function readDeclaredRows(
  pkg: ZipPackage,
  sheetPath: string,
): Promise<number | undefined> {
  return declaredRows((await pkg.readText(sheetPath, SHEET_HEAD_BYTES)) ?? '');
}

const MERGE_CELL = /<(?:\w+:)?mergeCell\s[^>]*ref\s*=\s*["']([A-Z]+\d+:[A-Z]+\d+)["']/g;
/** A cell of type error (`t="e"`) with its cached value; bounded so a scan cannot run away. */
const ERROR_CELL =
  /<(?:\w+:)?c\s([^>]*\bt\s*=\s*["']e["'][^>]*)>[\s\S]{0,4000}?<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/g;
const CELL_REF = /\br\s*=\s*["']([A-Z]+\d+)["']/;
/** `<row r="7" hidden="1">` and `<col min="3" max="4" hidden="1"/>`. */
const HIDDEN_ROW = /<(?:\w+:)?row\s[^>]*\bhidden\s*=\s*["'](?:1|true)["'][^>]*>/g;
const HIDDEN_COL = /<(?:\w+:)?col\s[^>]*\bhidden\s*=\s*["'](?:1|true)["'][^>]*>/g;
/** Overlap kept between chunks; matches seen twice are deduplicated by their key. */
const MARKS_CARRY_CHARS = 8192;

export interface SheetMarks {
  /** Merged ranges, e.g. ['A1:C1']. */
  merges: string[];
  /** A1 address → error text (#DIV/0!, #N/A…) of cells whose cached value is an error. */
  errors: Map<string, string>;
  /** 1-based numbers of the rows hidden in Excel. */
  hiddenRows: Set<number>;
  /** 1-based numbers of the columns hidden in Excel. */
  hiddenColumns: Set<number>;
}

/** A `<col>` range is at most the sheet's 16,384 columns, whatever a damaged file says. */
const MAX_COLUMN = 16_384;

function addHidden(text: string, rows: Set<number>, columns: Set<number>): void {
  for (const match of text.matchAll(HIDDEN_ROW)) {
    const r = Number(parseAttributes(match[0]).r);
    if (Number.isInteger(r) && r > 0) rows.add(r);
  }
  for (const match of text.matchAll(HIDDEN_COL)) {
    const { min, max } = parseAttributes(match[0]);
    const from = Number(min);
    const to = Math.min(Number(max ?? min), MAX_COLUMN);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1) continue;
    for (let c = from; c <= to; c++) columns.add(c);
  }
}

/**
 * Merged ranges and error-valued cells of one sheet, in one streaming scan of its part (one
 * chunk in memory at a time). Errors are needed because exceljs's streaming reader turns a
 * formula's cached error into NaN; merges because it skips them altogether.
 */
export async function scanSheetMarks(pkg: ZipPackage, sheetPath: string): Promise<SheetMarks> {
  const merges = new Set<string>();
  const errors = new Map<string, string>();
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  let carry = '';
  await pkg.scan(sheetPath, (chunk) => {
    const text = carry + chunk.toString('latin1');
    for (const match of text.matchAll(MERGE_CELL)) merges.add(match[1] as string);
    if (text.includes('e"') || text.includes("e'")) {
      for (const match of text.matchAll(ERROR_CELL)) {
        const ref = CELL_REF.exec(match[1] as string)?.[1];
        if (ref !== undefined) errors.set(ref, decodeXmlEntities(match[2] as string));
      }
    }
    if (text.includes('hidden')) addHidden(text, hiddenRows, hiddenColumns);
    carry = text.slice(-MARKS_CARRY_CHARS);
    return true;
  });
  return { merges: [...merges], errors, hiddenRows, hiddenColumns };
}
