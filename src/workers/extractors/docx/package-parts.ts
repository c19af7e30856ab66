// What a DOCX holds beside the body mammoth converts: how many comments, whether there are
// tracked changes, equations and charts. Read cheaply from the zip (part names, small parts, and
// one streaming scan of document.xml), never through a DTD-aware XML parser.
import { decodeXmlEntities } from '../../zip/xml-text';
import type { ZipPackage } from '../../zip/zip-package';

export interface DocxSideContent {
  comments: number;
  trackedChanges: boolean;
  equations: number;
  /** Embedded charts (word/charts/chart*.xml): their data is not in the body text. */
  charts: number;
}

const SMALL_PART_MAX_BYTES = 4 * 1024 * 1024;
/** A change mark: an insertion, deletion, or moved text, as a start tag. */
const CHANGE_MARK = /<w:(ins|del|moveFrom|moveTo)[\s>]/;
/** Long enough to hold `<w:moveFrom ` when it straddles two chunks. */
const CARRY_CHARS = 16;

/** Paragraph texts of a WordprocessingML part: the `<w:t>` runs of each `<w:p>`. */
export function paragraphTexts(xml: string): string[] {
  const texts: string[] = [];
  for (const match of xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)) {
    const runs = [...match[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
      decodeXmlEntities(m[1] as string),
    );
    const text = runs.join('').replace(/\s+/g, ' ').trim();
    if (text !== '') texts.push(text);
  }
  return texts;
}

export interface BodyMarks {
  trackedChanges: boolean;
  /** Office Math zones (`<m:oMath>`), which mammoth drops. */
  equations: number;
}

const EQUATION = /<m:oMath[\s>]/g;

/**
 * Scans document.xml for tracked changes and equations, streaming it one chunk at a time (a
 * 40-page body can be tens of MB). A match counts once: only when it ends past the carried tail.
 */
export async function scanBodyMarks(pkg: ZipPackage, documentPart: string): Promise<BodyMarks> {
  const marks: BodyMarks = { trackedChanges: false, equations: 0 };
  let carry = '';
  await pkg.scan(documentPart, (chunk) => {
    const text = carry + chunk.toString('latin1');
    if (!marks.trackedChanges && CHANGE_MARK.test(text)) marks.trackedChanges = true;
    for (const match of text.matchAll(EQUATION)) {
      if (match.index + match[0].length > carry.length) marks.equations++;
    }
    carry = text.slice(-CARRY_CHARS);
    return true;
  });
  return marks;
}

export async function readDocxSideContent(
  pkg: ZipPackage,
  documentPart: string,
): Promise<DocxSideContent> {
  const commentsXml = (await pkg.readText('word/comments.xml', SMALL_PART_MAX_BYTES)) ?? '';
  const comments = (commentsXml.match(/<w:comment[\s>]/g) ?? []).length;
  const marks = await scanBodyMarks(pkg, documentPart);
  const charts = pkg.names().filter((n) => /^word\/charts\/chart\d*\.xml$/.test(n)).length;
  return { comments, ...marks, charts };
}
