// The number formats of xl/styles.xml, read straight from the zip: style index (a cell's `s`) →
// format code for the tolerant reader, and the codes as written for the exceljs readers, because
// exceljs drops every backslash escape (`\1\.0#`, which shows 13 as "1.13", reaches it as `1.0#`,
// which shows "13.0"), and an escape is often what makes a format show the right thing.
import { findStartTags, parseAttributes } from '../../zip/xml-text';
import type { ZipPackage } from '../../zip/zip-package';
import { builtinFormat } from './number-format';

const STYLES_MAX_BYTES = 64 * 1024 * 1024;

export interface StyleFormats {
  /** Style index → number format code (built-in ids resolved), for the tolerant reader. */
  byStyle: Array<string | undefined>;
  /** A code as exceljs reports it (escapes removed) → the code as written, when they differ. */
  asWritten: ReadonlyMap<string, string>;
}

/** exceljs's own reading of a `formatCode` attribute (NumFmtXform.parseOpen). */
export function exceljsSpelling(code: string): string {
  return code.replace(/[\\](.)/g, '$1');
}

export async function readStyleFormats(pkg: ZipPackage): Promise<StyleFormats> {
  const xml = (await pkg.readText('xl/styles.xml', STYLES_MAX_BYTES)) ?? '';
  const custom = new Map<number, string>();
  const asWritten = new Map<string, string>();
  for (const tag of findStartTags(xml, 'numFmt')) {
    const { numFmtId, formatCode } = parseAttributes(tag);
    if (numFmtId === undefined || formatCode === undefined) continue;
    custom.set(Number(numFmtId), formatCode);
    const spelled = exceljsSpelling(formatCode);
    if (spelled !== formatCode && !asWritten.has(spelled)) asWritten.set(spelled, formatCode);
  }
  const cellXfs = /<(?:\w+:)?cellXfs[\s>][\s\S]*?<\/(?:\w+:)?cellXfs>/.exec(xml)?.[0] ?? '';
  const byStyle = findStartTags(cellXfs, 'xf').map((tag) => {
    const id = Number(parseAttributes(tag).numFmtId ?? 0);
    return custom.get(id) ?? builtinFormat(id);
  });
  return { byStyle, asWritten };
}
