// One OCR engine per pool thread, created on first need and reused across files; dropped when the
// child asks threads to release memory (tesseract's wasm heap only grows). The OCR module is
// imported lazily so threads that never meet a scan never load tesseract.
import type { OcrOptions } from '../../shared/options';
import type { OcrService } from '../engine/types';

let current: { key: string; service: Promise<OcrService> } | undefined;

export function ocrServiceFor(options: OcrOptions): Promise<OcrService> {
  const key = JSON.stringify(options.languages);
  if (current?.key !== key) {
    void releaseOcrService();
    const service = import('../ocr/ocr-service').then((mod) =>
      mod.createOcrService({ languages: options.languages }),
    );
    // A failure (e.g. a language not installed) is reported by the file that asked; the next
    // file tries again rather than inheriting a stale rejection.
    service.catch(() => {
      if (current?.service === service) current = undefined;
    });
    current = { key, service };
  }
  return current.service;
}

export async function releaseOcrService(): Promise<void> {
  const previous = current;
  current = undefined;
  const service = await previous?.service.catch(() => undefined);
  await service?.terminate().catch(() => undefined);
}
