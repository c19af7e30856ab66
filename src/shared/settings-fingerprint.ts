// A short fingerprint of the settings that change what Folio writes, for the run report and the
// audit manifest: the same input bytes under the same fingerprint give the same output. The same
// fields as the cache key's settings (src/workers/output/cache.ts), less the password, which is
// per file and must never leave a trace.
import { createHash } from 'node:crypto';
import type { ExtractOptions } from './options';
import { ENGINE_VERSION } from './version';

export function settingsFingerprint(extract: ExtractOptions, format: 'md' | 'json'): string {
  const settings = JSON.stringify({
    engine: ENGINE_VERSION,
    format,
    ocr: extract.ocr.enabled
      ? {
          languages: [...extract.ocr.languages].sort(),
          minConfidence: extract.ocr.minConfidence,
        }
      : false,
    limits: extract.limits,
    docx: extract.docx,
    excelValues: extract.excel.values,
  });
  return createHash('sha256').update(settings).digest('hex').slice(0, 16);
}
