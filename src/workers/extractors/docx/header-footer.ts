// Page headers and footers as labelled content: which parts each section shows (its
// w:headerReference / w:footerReference, through document.xml's relationships) and what they say.
import type { Block } from '../../../shared/model';
import { findStartTags, parseAttributes } from '../../zip/xml-text';
import type { ZipPackage } from '../../zip/zip-package';
import { paragraphTexts } from './package-parts';
import { elementSpans } from './wordml-text';

export type PageMarginKind = 'header' | 'footer';

export interface PageMarginText {
  kind: PageMarginKind;
  /** Word's reference type: default, first (first page only) or even (even pages). */
  type: string;
  text: string;
}

export interface SectionReference {
  kind: PageMarginKind;
  type: string;
  part: string;
}

const SMALL_PART_MAX_BYTES = 4 * 1024 * 1024;

/** `header1.xml` (relative to word/) or `/word/header1.xml` → `word/header1.xml`. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `word/${target.replace(/^\.\//, '')}`;
}

/** Relationship id → part name, from word/_rels/document.xml.rels. */
export function relationshipTargets(relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const tag of findStartTags(relsXml, 'Relationship')) {
    const a = parseAttributes(tag);
    if (a.Id !== undefined && a.Target !== undefined && a.TargetMode !== 'External') {
      targets.set(a.Id, partName(a.Target));
    }
  }
  return targets;
}

/**
 * The header and footer parts the sections refer to, in document order. All of them: whether
 * Word prints a first-page or even-page part depends on settings a later section may inherit
 * (w:titlePg, w:evenAndOddHeaders), and the label says which kind each one is.
 */
export function sectionReferences(
  documentXml: string,
  targets: ReadonlyMap<string, string>,
): SectionReference[] {
  const refs: SectionReference[] = [];
  for (const section of elementSpans(documentXml, 'w:sectPr')) {
    for (const m of section.inner.matchAll(/<w:(header|footer)Reference\b[^>]*>/g)) {
      const a = parseAttributes(m[0]);
      const type = a['w:type'] ?? 'default';
      const part = targets.get(a['r:id'] ?? '');
      if (part === undefined) continue;
      refs.push({ kind: m[1] as PageMarginKind, type, part });
    }
  }
  return refs;
}

function partNumber(name: string): number {
  return Number(/(\d+)\.xml$/.exec(name)?.[1] ?? 0);
}

/**
 * Distinct texts of the headers and footers shown. A package whose sections name none (hand-made
 * or damaged) still has its header/footer parts read, in part order.
 */
export async function readPageMargins(
  pkg: ZipPackage,
  documentXml: string,
): Promise<PageMarginText[]> {
  const rels = (await pkg.readText('word/_rels/document.xml.rels', SMALL_PART_MAX_BYTES)) ?? '';
  let refs = sectionReferences(documentXml, relationshipTargets(rels));
  if (refs.length === 0) {
    refs = pkg
      .names()
      .filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))
      .sort((a, b) => partNumber(a) - partNumber(b))
      .map((part) => ({
        kind: part.includes('/header') ? 'header' : 'footer',
        type: 'default',
        part,
      }));
  }
  const seen = new Set<string>();
  const texts: PageMarginText[] = [];
  for (const { kind, type, part } of refs) {
    const xml = await pkg.readText(part, SMALL_PART_MAX_BYTES);
    for (const text of paragraphTexts(xml ?? '')) {
      const key = `${kind}\0${type}\0${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      texts.push({ kind, type, text });
    }
  }
  return texts;
}

const TYPE_LABEL: Record<string, string> = { first: ', first page', even: ', even pages' };

/** `[Header]: text`, `[Footer, first page]: text`: a paragraph a reviewer reads as a page margin. */
export function pageMarginLabel(margin: PageMarginText): string {
  const kind = margin.kind === 'header' ? 'Header' : 'Footer';
  return `[${kind}${TYPE_LABEL[margin.type] ?? ''}]: ${margin.text}`;
}

/** Headers go before the body, footers after it (where the page shows them). */
export function pageMarginBlocks(margins: readonly PageMarginText[]): {
  before: Block[];
  after: Block[];
} {
  const block = (m: PageMarginText): Block => ({
    type: 'paragraph',
    text: pageMarginLabel(m),
    prov: {},
  });
  return {
    before: margins.filter((m) => m.kind === 'header').map(block),
    after: margins.filter((m) => m.kind === 'footer').map(block),
  };
}
