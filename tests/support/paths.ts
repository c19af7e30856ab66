import { existsSync } from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
export const sampleDir = path.join(projectRoot, 'fixtures', 'sample');
/** The shared real-document corpus; absent on a user's machine, so tests must skip cleanly. */
export const realCorpusDir = path.resolve(projectRoot, '..', 'shared', 'corpus', 'real');
export const realCorpusAvailable = existsSync(path.join(realCorpusDir, 'manifest.tsv'));
export const realCorpusSkip = realCorpusAvailable
  ? false
  : `shared corpus not found at ${realCorpusDir}: real-document checks skipped`;
