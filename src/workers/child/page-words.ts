// The OCR'd words of one page of a source, for the source panel's overlay: the words sidecar is
// found by the file's content hash (words-sidecar.ts). The hash is remembered per path, size and
// mtime, so turning pages of a big scan does not hash it again.
import { stat } from 'node:fs/promises';
import type { OcrWord } from '../../shared/ocr-words';
import { sha256OfFile } from '../engine/hash-file';
import { readPageWords, wordsSidecarPath } from '../output/words-sidecar';

const MAX_REMEMBERED = 64;
const hashes = new Map<string, string>();

async function hashOf(source: string): Promise<string> {
  const info = await stat(source);
  const key = `${source}\0${info.size}\0${info.mtimeMs}`;
  const known = hashes.get(key);
  if (known) return known;
  const sha = await sha256OfFile(source);
  if (hashes.size >= MAX_REMEMBERED) hashes.delete(hashes.keys().next().value as string);
  hashes.set(key, sha);
  return sha;
}

export async function wordsOfPage(
  source: string,
  cacheDir: string,
  page: number,
): Promise<OcrWord[] | undefined> {
  try {
    return await readPageWords(wordsSidecarPath(cacheDir, await hashOf(source)), page);
  } catch {
    // The page image is what was asked for: without words it is still shown.
    return undefined;
  }
}
