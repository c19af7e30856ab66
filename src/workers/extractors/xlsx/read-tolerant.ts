// A last-resort reader for workbooks exceljs refuses (a sheet that is not well-formed XML, a
// package without its workbook or shared-strings part). It reads cells with regular expressions,
// streaming each sheet part row by row, and never fails on markup it does not understand. Cell
// text follows the same rules as the exceljs paths (cell-text.ts).
import { StringDecoder } from 'node:string_decoder';
import { columnNumber } from '../../../shared/a1';
import { decodeXmlEntities, findStartTags, parseAttributes } from '../../zip/xml-text';
import type { ZipPackage } from '../../zip/zip-package';
import type { ExtractContext } from '../../engine/types';
import { cellText } from './cell-text';
import { PROGRESS_EVERY, type SheetRowSink, throwIfCancelled } from './sheet-sink';
import type { WorkbookSheet } from './workbook-parts';

const PART_MAX_BYTES = 64 * 1024 * 1024;

/** Built-in number formats that matter for text: dates/times and percentages (ECMA-376 18.8.30). */
function builtinFormat(id: number): string | undefined {
  if (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58)
  )
    return id >= 18 && id <= 21 ? 'h:mm:ss' : id === 22 ? 'yyyy-mm-dd h:mm' : 'yyyy-mm-dd';
  if (id === 9 || id === 10) return '0%';
  return undefined;
}

/** Runs of `<t>` text, leaving out phonetic guides (`<rPh>`), which are not cell text. */
function runText(xml: string): string {
  return [
    ...xml
      .replace(/<(\w+:)?rPh[\s>][\s\S]*?<\/(\w+:)?rPh>/g, '')
      .matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g),
  ]
    .map((m) => decodeXmlEntities(m[1] as string))
    .join('');
}

export async function readSharedStrings(pkg: ZipPackage): Promise<string[] | undefined> {
  const xml = await pkg.readText('xl/sharedStrings.xml', PART_MAX_BYTES);
  if (xml === undefined) return undefined;
  return [
    ...xml.matchAll(/<(?:\w+:)?si(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\s*\/>/g),
  ].map((m) => runText(m[1] ?? ''));
}

/** Style index → number format code, from the `<cellXfs>` list of xl/styles.xml. */
export async function readStyleFormats(pkg: ZipPackage): Promise<Array<string | undefined>> {
  const xml = (await pkg.readText('xl/styles.xml', PART_MAX_BYTES)) ?? '';
  const custom = new Map<number, string>();
  for (const tag of findStartTags(xml, 'numFmt')) {
    const { numFmtId, formatCode } = parseAttributes(tag);
    if (numFmtId !== undefined && formatCode !== undefined)
      custom.set(Number(numFmtId), formatCode);
  }
  const cellXfs = /<(?:\w+:)?cellXfs[\s>][\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  return findStartTags(cellXfs, 'xf').map((tag) => {
    const id = Number(parseAttributes(tag).numFmtId ?? 0);
    return custom.get(id) ?? builtinFormat(id);
  });
}

const ROW = /<(?:\w+:)?row(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

export interface TolerantStats {
  /** Text cells whose shared string is missing from the package. */
  missingStrings: number;
}

export async function readTolerant(
  pkg: ZipPackage,
  sheets: readonly WorkbookSheet[],
  date1904: boolean,
  sink: SheetRowSink,
  ctx: ExtractContext,
): Promise<TolerantStats> {
  const shared = (await readSharedStrings(pkg)) ?? [];
  const formats = await readStyleFormats(pkg);
  const stats: TolerantStats = { missingStrings: 0 };
  let rows = 0;
  for (const sheet of sheets) {
    if (sheet.path === undefined || sheet.chart) continue;
    const ref = { name: sheet.name, path: sheet.path };
    let carry = '';
    let rowCounter = 0;
    // A multi-byte character may straddle two chunks; the decoder holds its first bytes back.
    const decoder = new StringDecoder('utf8');
    const handleRow = (rowXml: string, inner: string) => {
      const rowAttr = parseAttributes(/^<[^>]*>/.exec(rowXml)?.[0] ?? '').r;
      rowCounter = rowAttr !== undefined ? Number(rowAttr) : rowCounter + 1;
      const cells: Array<[number, string]> = [];
      let columnCounter = 0;
      for (const cell of inner.matchAll(CELL)) {
        const attributes = parseAttributes(cell[1] ?? '');
        columnCounter = attributes.r !== undefined ? columnNumber(attributes.r) : columnCounter + 1;
        const body = cell[2] ?? '';
        const raw = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/.exec(body)?.[1];
        const numFmt = formats[Number(attributes.s ?? 0)];
        let text = '';
        switch (attributes.t) {
          case 's': {
            const value = shared[Number(raw)];
            if (value === undefined && raw !== undefined) stats.missingStrings++;
            text = value ?? '';
            break;
          }
          case 'inlineStr':
            text = runText(body);
            break;
          case 'str':
          case 'e':
            text = decodeXmlEntities(raw ?? '');
            break;
          case 'b':
            text = raw === undefined ? '' : Number(raw) !== 0 ? 'TRUE' : 'FALSE';
            break;
          default: {
            const value = raw === undefined ? NaN : Number(raw);
            text = Number.isNaN(value) ? '' : cellText(value, { numFmt, date1904 });
          }
        }
        cells.push([columnCounter, text]);
      }
      sink.row(ref, rowCounter, cells);
      if (++rows % PROGRESS_EVERY === 0) {
        throwIfCancelled(ctx.signal);
        ctx.onProgress?.({ rows });
      }
    };
    await pkg.scan(sheet.path, (chunk) => {
      const text = carry + decoder.write(chunk);
      let consumed = 0;
      for (const match of text.matchAll(ROW)) {
        handleRow(match[0], match[1] ?? '');
        consumed = match.index + match[0].length;
      }
      // Keep the unfinished row for the next chunk; a row never straddles far.
      carry = text.slice(consumed);
      if (carry.length > PART_MAX_BYTES) carry = '';
      return true;
    });
  }
  return stats;
}
