// The default pass plan for English pages, as the OCR service builds it, for tests that script a
// reader in place of tesseract.
import type { PassPolicy } from '../../src/workers/ocr/page-passes';
import { scriptsOfLanguages } from '../../src/workers/ocr/scripts';

export const englishPassPolicy: PassPolicy = {
  orientationBelow: 85,
  retryBelow: 60,
  maxPixels: 35_000_000,
  scripts: scriptsOfLanguages(['eng']),
  languages: ['eng'],
  extraPassesPerPage: 2,
};
