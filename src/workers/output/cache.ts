// The output cache: an entry is keyed by the input's sha256, the engine version and every setting
// that changes the output, so a re-run over an unchanged folder extracts nothing and a changed
// file (new hash) or changed setting (new key) is extracted again. An entry is its rendered
// output plus a small meta file; the meta is written last, so an entry without meta is ignored.
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorCode } from '../../shared/errors';
import type { ExtractOptions } from '../../shared/options';
import type { FileOutcome } from '../../shared/report';
import { outputIdentity } from '../../shared/settings-fingerprint';
import { writeFileAtomic } from '../../shared/atomic-file';

/** Failures that depend only on the file's bytes and settings: safe to remember. */
const DETERMINISTIC_FAILURES = new Set<ErrorCode>([
  'EMPTY_FILE',
  'UNSUPPORTED_TYPE',
  'ENCRYPTED',
  'WRONG_PASSWORD',
  'CORRUPT',
  'TOO_LARGE',
]);

export function isCacheable(outcome: FileOutcome): boolean {
  if (outcome.status === 'ok' || outcome.status === 'partial') return true;
  return outcome.status === 'failed' && DETERMINISTIC_FAILURES.has(outcome.code as ErrorCode);
}

export { sha256OfFile } from '../engine/hash-file';

/** The settings that change what is written for a file (outputIdentity), and the password's hash. */
export function outputSettings(
  extract: ExtractOptions,
  format: 'md' | 'json',
  password: string | undefined,
): string {
  return JSON.stringify({
    ...outputIdentity(extract, format),
    // A hash, never the password itself: a corrected password must miss the cache.
    password: password === undefined ? null : createHash('sha256').update(password).digest('hex'),
  });
}

export function cacheKey(fileSha256: string, settings: string): string {
  return createHash('sha256').update(fileSha256).update('\0').update(settings).digest('hex');
}

export interface CacheHit {
  outcome: FileOutcome;
  /** The cached rendered output, absent for a cached failure. */
  contentPath?: string;
}

export class OutputCache {
  constructor(readonly dir: string) {}

  private base(key: string): string {
    return path.join(this.dir, 'entries', key.slice(0, 2), key);
  }

  contentPath(key: string, format: 'md' | 'json'): string {
    return `${this.base(key)}.${format}`;
  }

  private metaPath(key: string): string {
    return `${this.base(key)}.meta.json`;
  }

  async lookup(key: string, format: 'md' | 'json'): Promise<CacheHit | undefined> {
    let outcome: FileOutcome;
    try {
      outcome = JSON.parse(await readFile(this.metaPath(key), 'utf8')) as FileOutcome;
    } catch {
      return undefined;
    }
    if (outcome.status === 'failed') return { outcome };
    const contentPath = this.contentPath(key, format);
    try {
      await access(contentPath);
    } catch {
      return undefined;
    }
    return { outcome, contentPath };
  }

  /** Records an outcome after its content (if any) is already in place at `contentPath`. */
  async remember(key: string, outcome: FileOutcome): Promise<void> {
    if (!isCacheable(outcome)) return;
    await writeFileAtomic(this.metaPath(key), JSON.stringify(outcome));
  }
}
