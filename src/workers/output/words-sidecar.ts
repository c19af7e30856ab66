// The OCR'd words of a file, kept beside the cache for the source panel's word overlay. One file
// per content hash (`<cacheDir>/words/<h[0..2]>/<h>.words.json`): the panel's child finds it
// by hashing the source, without the settings a cache key needs, and the Markdown, the JSON
// output and the cache keys stay as they are. Compact: a word is `[text, conf, x0, y0, x1, y1]`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../shared/atomic-file';
import type { OcrWord, WordBox } from '../../shared/ocr-words';

export interface PageWords {
  page: number;
  words: OcrWord[];
}

type PackedWord = [string, number, number, number, number, number];

interface Sidecar {
  version: 1;
  /** By 1-based page number. */
  pages: Record<string, PackedWord[]>;
}

export function wordsSidecarPath(cacheDir: string, sha256: string): string {
  return path.join(cacheDir, 'words', sha256.slice(0, 2), `${sha256}.words.json`);
}

export function encodeWords(pages: readonly PageWords[]): string {
  const sidecar: Sidecar = { version: 1, pages: {} };
  for (const { page, words } of pages) {
    sidecar.pages[String(page)] = words.map((w) => [w.text, w.confidence, ...w.box]);
  }
  return JSON.stringify(sidecar);
}

export function decodePageWords(json: string, page: number): OcrWord[] | undefined {
  const sidecar = JSON.parse(json) as Partial<Sidecar>;
  const packed = sidecar.version === 1 ? sidecar.pages?.[String(page)] : undefined;
  if (!Array.isArray(packed)) return undefined;
  return packed.map(([text, confidence, ...box]) => ({
    text,
    confidence,
    box: box as WordBox,
  }));
}

export async function writeWordsSidecar(file: string, pages: readonly PageWords[]): Promise<void> {
  await writeFileAtomic(file, encodeWords(pages));
}

/** The page's words, or undefined when the file was never OCR'd (or that page was not). */
export async function readPageWords(file: string, page: number): Promise<OcrWord[] | undefined> {
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return decodePageWords(json, page);
  } catch {
    // A damaged sidecar costs the overlay, never the page image.
    return undefined;
  }
}
