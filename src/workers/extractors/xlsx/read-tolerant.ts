// A last-resort reader for workbooks exceljs refuses (a sheet that is not well-formed XML, a
// package without its workbook or shared-strings part). It reads cells with regular expressions,
// streaming each sheet part row by row, and never fails on markup it does not understand. Cell
// text follows the same rules as the exceljs paths (cell-text.ts).
import { StringDecoder } from 'node:string_decoder';
import { columnNumber } from '../../../shared/a1';
import { decodeXmlEntities, parseAttributes } from '../../zip/xml-text';
import type { ZipPackage } from '../../zip/zip-package';
import type { ExtractContext } from '../../engine/types';
import { type CellReading, readCell } from './cell-text';
import { readStyleFormats } from './style-formats';
import { PROGRESS_EVERY, type SheetRowSink, throwIfCancelled } from './sheet-sink';
import type { WorkbookSheet } from './workbook-parts';

const PART_MAX_BYTES = 64 * 1024 * 1024;

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

const FORMULA = /<(?:\w+:)?f(?:\s[^>]*)?>([^<]+)<\/(?:\w+:)?f>/;
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
  const { byStyle: formats } = await readStyleFormats(pkg);
  const stats: TolerantStats = { missingStrings: 0 };
  const cellFormat = { date1904, values: ctx.options.excel.values };
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
      const cells: Array<[number, CellReading]> = [];
      let columnCounter = 0;
      for (const cell of inner.matchAll(CELL)) {
        const attributes = parseAttributes(cell[1] ?? '');
        columnCounter = attributes.r !== undefined ? columnNumber(attributes.r) : columnCounter + 1;
        const body = cell[2] ?? '';
        const raw = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/.exec(body)?.[1];
        const numFmt = formats[Number(attributes.s ?? 0)];
        let reading: CellReading;
        switch (attributes.t) {
          case 's': {
            const value = shared[Number(raw)];
            if (value === undefined && raw !== undefined) stats.missingStrings++;
            reading = { text: value ?? '' };
            break;
          }
          case 'inlineStr':
            reading = { text: runText(body) };
            break;
          case 'str':
          case 'e':
            reading = { text: decodeXmlEntities(raw ?? '') };
            break;
          case 'b':
            reading = raw === undefined ? { text: '' } : readCell(Number(raw) !== 0, cellFormat);
            break;
          default: {
            const value = raw === undefined ? NaN : Number(raw);
            reading = readCell(value, { ...cellFormat, numFmt });
          }
        }
        // A shared formula's followers carry only `<f t="shared" si="0"/>`: no text to keep.
        const formula = FORMULA.exec(body)?.[1];
        cells.push([
          columnCounter,
          formula ? { ...reading, formula: decodeXmlEntities(formula) } : reading,
        ]);
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
