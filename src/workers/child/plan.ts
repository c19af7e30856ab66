// Scheduling decisions, as pure functions: how much work a file probably is (biggest first, so the
// batch does not end waiting on one long file) and how a long scanned PDF is cut into page ranges
// that run on several threads at once.
import { kindFromName } from '../../shared/formats';
import type { PdfProbe } from '../thread/probe-pdf';

/** Seconds we expect one OCR'd page to take; everything else is scaled against it. */
const OCR_PAGE_COST = 5;

/** A rough cost (seconds) from the name and size alone, before anything is opened. */
export function estimateCost(rel: string, size: number, probe?: PdfProbe): number {
  const mb = size / (1024 * 1024);
  switch (kindFromName(rel)) {
    case 'image':
      // A photo or scan is one OCR'd page; a multi-page TIFF is bigger on disk.
      return OCR_PAGE_COST * Math.max(1, Math.round(mb / 2));
    case 'pdf':
      if (probe) {
        return isScanned(probe) ? probe.pages * OCR_PAGE_COST : probe.pages * 0.02;
      }
      // Scanned pages weigh about 100 KB–1 MB each, text pages a few KB: per MB, a scan is
      // about two OCR'd pages.
      return mb * 10;
    case 'xlsx':
      return mb * 4;
    case 'docx':
      return 0.2 + mb;
    default:
      return 0.01;
  }
}

export function isScanned(probe: PdfProbe): boolean {
  return probe.sampledCharsPerPage < 50;
}

/** Only PDFs this large are worth probing: a few scanned pages already weigh this much. */
export const PROBE_MIN_BYTES = 256 * 1024;
/** Scans shorter than this are not split: per-range overhead would eat the gain. */
export const SPLIT_MIN_PAGES = 4;

/**
 * Page ranges for a scanned PDF: about two ranges per worker so the tail stays short, each at
 * least 2 pages (an OCR'd page takes seconds; re-opening the PDF per range takes milliseconds). Returns one range (no split) for short or text PDFs or a single worker.
 */
export function pageRanges(
  probe: PdfProbe,
  workers: number,
  ocrEnabled: boolean,
): { from: number; to: number }[] {
  const all = [{ from: 1, to: probe.pages }];
  if (!ocrEnabled || workers < 2 || probe.pages < SPLIT_MIN_PAGES || !isScanned(probe)) return all;
  const size = Math.max(2, Math.ceil(probe.pages / (workers * 2)));
  const ranges: { from: number; to: number }[] = [];
  for (let from = 1; from <= probe.pages; from += size) {
    ranges.push({ from, to: Math.min(probe.pages, from + size - 1) });
  }
  return ranges;
}

/**
 * Page ranges for a scanned PDF spread over queue workers, whose number the coordinator does not
 * know: ranges of about `rangePages` pages (as equal as the page count allows), so a file's
 * parallelism grows with its length. One range (no split) for text PDFs, OCR off, or a scan of at
 * most `rangePages` pages.
 */
export function queueRanges(
  probe: PdfProbe,
  rangePages: number,
  ocrEnabled: boolean,
): { from: number; to: number }[] {
  const all = [{ from: 1, to: probe.pages }];
  if (!ocrEnabled || probe.pages <= rangePages || !isScanned(probe)) return all;
  const count = Math.ceil(probe.pages / Math.max(1, rangePages));
  const ranges: { from: number; to: number }[] = [];
  for (let i = 0; i < count; i++) {
    const from = Math.floor((i * probe.pages) / count) + 1;
    ranges.push({ from, to: Math.floor(((i + 1) * probe.pages) / count) });
  }
  return ranges;
}
