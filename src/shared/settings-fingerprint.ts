// A short fingerprint of the settings that change what Folio writes, for the run report and the
// audit manifest: the same input bytes under the same fingerprint give the same output. The same
// fields as the cache key's settings (outputSettings in src/workers/output/cache.ts, which adds
// the password's hash), both from outputIdentity; the password is per file and must never leave a
// trace here.
import { createHash } from 'node:crypto';
import type { ExtractOptions } from './options';
import { ENGINE_VERSION } from './version';

/**
 * The settings that change what is written for a file, in a fixed order (their JSON is part of
 * cache keys). Throughput knobs are left out.
 */
export function outputIdentity(extract: ExtractOptions, format: 'md' | 'json') {
  return {
    engine: ENGINE_VERSION,
    format,
    ocr: extract.ocr.enabled
      ? {
          languages: [...extract.ocr.languages].sort(),
          minConfidence: extract.ocr.minConfidence,
        }
      : false,
    limits: extract.limits,
    // Comments and tracked changes shown or not: the same DOCX gives two different outputs.
    docx: extract.docx,
    // Cells as their number format shows them or as stored: different text for the same XLSX.
    excelValues: extract.excel.values,
  };
}

export function settingsFingerprint(extract: ExtractOptions, format: 'md' | 'json'): string {
  const settings = JSON.stringify(outputIdentity(extract, format));
  return createHash('sha256').update(settings).digest('hex').slice(0, 16);
}
