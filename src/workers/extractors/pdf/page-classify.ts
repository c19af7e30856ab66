// The per-page OCR decision. A page goes to OCR when its text layer is missing (a scan), when
// the text it has is invisible (render mode 3: an earlier OCR's hidden layer), or when that text
// is garbage (a broken font encoding). Pure functions over counts, so each rule is testable.
import { type Matrix, multiply } from './matrix';
import { dominantScript, type Script } from '../../ocr/scripts';

export interface TextHealth {
  /** Non-whitespace characters. */
  chars: number;
  /** U+FFFD, private-use and control characters. */
  unreadable: number;
  /** Letters and digits. */
  alphanumeric: number;
}

export interface OperatorSummary {
  /** Images painted (XObjects, inline images, stencil masks). */
  images: number;
  /** Summed area of painted images as a share of the page (capped at 1). */
  imageCoverage: number;
  visibleGlyphs: number;
  /** Glyphs drawn in render mode 3 or 7 (neither filled nor stroked). */
  invisibleGlyphs: number;
}

/** pdfjs operator codes used here (pass pdfjs's OPS). */
export interface OperatorCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginGroup: number;
  endGroup: number;
  setTextRenderingMode: number;
  showText: number;
  showSpacedText: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat: number;
  paintImageMaskXObjectRepeat: number;
  paintInlineImageXObjectGroup: number;
  paintImageMaskXObjectGroup: number;
}

export type OcrReason = 'scanned' | 'invisible-text' | 'unreadable-text';

/** Below this many non-space characters a page has "almost no text". */
export const ALMOST_NO_TEXT = 10;
/** Below this many characters a page may still be a scan carrying a stamp or a Bates number. */
export const SPARSE_TEXT = 200;
/** An image covering this share of a sparse page makes it a scan (figures leave margins). */
const FULL_PAGE_IMAGE = 0.8;
/** An invisible text layer over an image this large is an earlier OCR of a scan. */
const SCAN_UNDER_TEXT = 0.5;
/** Images smaller than this share of the page (icons, bullets, logos) do not make a scan. */
const TINY_IMAGE = 0.01;
/** Text pages whose operators are checked for an invisible layer before trusting the rest. */
export const INVISIBILITY_PROBE_PAGES = 2;

const UNREADABLE = /[\ufffd\ue000-\uf8ff\p{Cc}]/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;

export function textHealth(text: string): TextHealth {
  let chars = 0;
  let unreadable = 0;
  let alphanumeric = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII by its code, without a regular expression per character (every page's layer
    // passes here): tab to carriage return and space are blank, other controls unreadable.
    if (code < 0x80) {
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue;
      chars++;
      if (code < 0x20 || code === 0x7f) unreadable++;
      else if ((code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a))
        alphanumeric++;
      continue;
    }
    const point = text.codePointAt(i) ?? code;
    if (point > 0xffff) i++;
    const ch = String.fromCodePoint(point);
    if (/\s/u.test(ch)) continue;
    chars++;
    if (UNREADABLE.test(ch)) unreadable++;
    else if (ALPHANUMERIC.test(ch)) alphanumeric++;
  }
  return { chars, unreadable, alphanumeric };
}

/** Mostly replacement/private-use/control characters, or hardly any letters or digits. */
export function isGarbage(health: TextHealth): boolean {
  if (health.chars < ALMOST_NO_TEXT) return false;
  return health.unreadable > 0.3 * health.chars || health.alphanumeric < 0.2 * health.chars;
}

export interface ProbeState {
  /** Text pages of this document whose operators were already checked for invisibility. */
  textPagesProbed: number;
  /** True once any page of the document had an invisible text layer. */
  invisibleSeen: boolean;
}

/**
 * Whether the operator list (which costs about as much again as the text) is worth fetching.
 * Sparse pages need it to see images. Pages with plenty of text only need it to detect an
 * invisible layer, a trait of whole documents (an OCR'd scan is hidden text on every page): the
 * first pages are probed, and the rest only when the probe found one.
 */
export function needsOperatorList(health: TextHealth, probe: ProbeState): boolean {
  if (isGarbage(health)) return false;
  if (health.chars < SPARSE_TEXT) return true;
  return probe.invisibleSeen || probe.textPagesProbed < INVISIBILITY_PROBE_PAGES;
}

/** Most of the page's glyphs are drawn in an invisible render mode. */
export function mostlyInvisible(ops: OperatorSummary | null): boolean {
  return ops !== null && ops.invisibleGlyphs > 0 && ops.invisibleGlyphs >= ops.visibleGlyphs;
}

/**
 * Why the page needs OCR, or null when its text layer is usable (or it is just blank).
 * Invisible text is an earlier OCR's layer only when it lies over a scan (an image covering at
 * least half the page): then a fresh OCR is preferred. Invisible text over nothing is hidden
 * text that OCR cannot see at all, so it is kept (see mostlyInvisible) rather than lost.
 */
export function classifyPage(health: TextHealth, ops: OperatorSummary | null): OcrReason | null {
  if (isGarbage(health)) return 'unreadable-text';
  if (ops) {
    const paintsImage = ops.images > 0 && ops.imageCoverage >= TINY_IMAGE;
    if (health.chars < ALMOST_NO_TEXT && paintsImage) return 'scanned';
    if (mostlyInvisible(ops) && ops.imageCoverage >= SCAN_UNDER_TEXT) return 'invisible-text';
    if (health.chars < SPARSE_TEXT && ops.imageCoverage >= FULL_PAGE_IMAGE) return 'scanned';
  }
  return null;
}

const det = (m: readonly number[]): number => Math.abs(m[0] * m[3] - m[1] * m[2]);

function isMatrix(value: unknown): value is number[] {
  return Array.isArray(value) && value.length >= 6 && value.every((v) => typeof v === 'number');
}

function glyphCount(glyphs: unknown): number {
  if (!Array.isArray(glyphs)) return 0;
  let n = 0;
  for (const g of glyphs) if (g !== null && typeof g === 'object') n++;
  return n;
}

/**
 * Walks a page's operator list once, tracking the transform and text render mode through
 * save/restore, to count images (and the page area they cover) and visible/invisible glyphs.
 */
export function summarizeOperators(
  fnArray: ArrayLike<number>,
  argsArray: ArrayLike<unknown>,
  ops: OperatorCodes,
  pageArea: number,
): OperatorSummary {
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let mode = 0;
  const stack: Array<{ ctm: Matrix; mode: number }> = [];
  let images = 0;
  let area = 0;
  let visibleGlyphs = 0;
  let invisibleGlyphs = 0;
  const push = () => stack.push({ ctm, mode });
  const pop = () => {
    const top = stack.pop();
    if (top) ({ ctm, mode } = top);
  };
  const paint = (unitArea: number, count = 1) => {
    images += count;
    area += unitArea * det(ctm) * count;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case ops.save:
      case ops.beginGroup:
        push();
        break;
      case ops.restore:
      case ops.endGroup:
      case ops.paintFormXObjectEnd:
        pop();
        break;
      case ops.transform:
        if (args.length >= 6 && args.every((v) => typeof v === 'number'))
          ctm = multiply(ctm, args as number[]);
        break;
      case ops.paintFormXObjectBegin:
        push();
        if (isMatrix(args[0])) ctm = multiply(ctm, args[0]);
        break;
      case ops.setTextRenderingMode:
        mode = typeof args[0] === 'number' ? args[0] : 0;
        break;
      case ops.showText:
      case ops.showSpacedText: {
        const n = glyphCount(args[0]);
        if ((mode & 3) === 3) invisibleGlyphs += n;
        else visibleGlyphs += n;
        break;
      }
      case ops.paintImageXObject:
      case ops.paintInlineImageXObject:
      case ops.paintImageMaskXObject:
        paint(1);
        break;
      case ops.paintImageXObjectRepeat: {
        const [, sx, sy, positions] = args as [unknown, number, number, unknown[]];
        const count = Array.isArray(positions) ? positions.length / 2 : 1;
        paint(Math.abs((sx ?? 1) * (sy ?? 1)), count);
        break;
      }
      case ops.paintImageMaskXObjectRepeat: {
        const [, sx, kx, ky, sy, positions] = args as [
          unknown,
          number,
          number,
          number,
          number,
          unknown[],
        ];
        const count = Array.isArray(positions) ? positions.length / 2 : 1;
        paint(Math.abs((sx ?? 1) * (sy ?? 1) - (kx ?? 0) * (ky ?? 0)), count);
        break;
      }
      case ops.paintInlineImageXObjectGroup:
      case ops.paintImageMaskXObjectGroup: {
        const entries = (fn === ops.paintInlineImageXObjectGroup ? args[1] : args[0]) as unknown;
        if (!Array.isArray(entries)) break;
        for (const entry of entries) {
          const t = (entry as { transform?: unknown })?.transform;
          paint(isMatrix(t) ? det(t) : 0);
        }
        break;
      }
    }
  }
  const coverage = pageArea > 0 ? Math.min(1, area / pageArea) : 0;
  return { images, imageCoverage: coverage, visibleGlyphs, invisibleGlyphs };
}

/**
 * A fresh OCR reading replaces an earlier OCR's invisible layer only at this confidence or more:
 * below it the new reading is no better evidence than the old one, which was kept for a reason.
 */
export const REPLACE_LAYER_CONFIDENCE = 60;
/** ...and only when it read at least this share of the layer's characters. */
const REPLACE_LAYER_CHARS = 0.5;

export interface OcrReading {
  confidence: number;
  /** Words with a letter or digit. */
  words: number;
  chars: number;
}

/**
 * Whether an OCR reading replaces the page's text layer; when not, the layer is kept. A text
 * layer must never give way to a reading that is worse than it: a broken encoding is garbage,
 * so anything wins over it; a scan's few stamped characters give way to any reading that found
 * words; an earlier OCR's layer gives way only to a confident reading of comparable length.
 */
export function ocrReplacesLayer(
  reason: OcrReason,
  reading: OcrReading,
  layerChars: number,
): boolean {
  if (reason === 'unreadable-text' || layerChars === 0) return true;
  if (reading.words === 0) return false;
  if (reason === 'scanned') return true;
  return (
    reading.confidence >= REPLACE_LAYER_CONFIDENCE &&
    reading.chars >= REPLACE_LAYER_CHARS * layerChars
  );
}

/**
 * The script of a text layer when the OCR languages cannot read it (most of its letters are in
 * a script none of them covers), else undefined. Such a layer is never sent to OCR: the English
 * model reads a Chinese page as junk, whatever the layer's own flaws.
 */
export function layerScriptUnread(
  layerText: string,
  ocrScripts: ReadonlySet<Script>,
): Script | undefined {
  const share = dominantScript(layerText);
  if (!share || ocrScripts.has(share.script)) return undefined;
  return share.letters * 2 >= share.total ? share.script : undefined;
}
