// The last steps for one document: normalize, render in the chosen format, write the cache entry
// and the mirrored output (each atomically), and summarize it for the report. Runs in a pool
// thread for whole files, and on the child's main thread for PDFs merged from page ranges.
import { createHash } from 'node:crypto';
import type { ExtractedDocument } from '../../shared/model';
import type { FileOutcome } from '../../shared/report';
import { copyFileAtomic, writeFileAtomic } from '../../shared/atomic-file';
import { outcomeFromDocument } from '../../shared/report-builder';
import { normalizeDocument } from '../normalize/normalize-document';
import { renderJson } from '../render/json';
import { renderMarkdown } from '../render/markdown';
import { writeWordsSidecar } from '../output/words-sidecar';
import type { OutputTarget } from './task-types';
import { takeWords } from './take-words';

export async function finishDocument(
  raw: ExtractedDocument,
  target: OutputTarget,
): Promise<FileOutcome> {
  const { doc: bare, pages } = takeWords(raw);
  const doc = normalizeDocument(bare);
  const text = target.format === 'json' ? renderJson(doc) : renderMarkdown(doc);
  await writeFileAtomic(target.contentPath, text);
  await copyFileAtomic(target.contentPath, target.outputPath);
  // Before the cache meta (written after this returns), so a cached entry has its words.
  if (target.wordsPath && pages.length > 0) await writeWordsSidecar(target.wordsPath, pages);
  // The output's hash for the audit manifest: computed here, on the text in hand, not re-read.
  const outputSha256 = createHash('sha256').update(text).digest('hex');
  return { ...outcomeFromDocument(doc), outputSha256 };
}
