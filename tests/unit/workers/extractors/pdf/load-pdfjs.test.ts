// pdfjs is loaded offline and script-free, and finds its data files beside a bundle.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  pdfjsAssetDir,
  pdfjsDocumentOptions,
} from '../../../../../src/workers/extractors/pdf/load-pdfjs';

describe('pdfjs loading', () => {
  test('options are offline and script-free', () => {
    const o = pdfjsDocumentOptions(new Uint8Array(1), undefined);
    assert.equal(o.isEvalSupported, false);
    assert.equal(o.useSystemFonts, false);
    assert.equal(o.disableFontFace, true);
    assert.equal(o.useWorkerFetch, false);
    assert.equal(o.enableXfa, false);
    for (const key of ['standardFontDataUrl', 'cMapUrl', 'wasmUrl', 'iccUrl'] as const) {
      const dir = o[key];
      assert.ok(
        typeof dir === 'string' && path.isAbsolute(dir) && dir.endsWith(path.sep),
        `${key}: ${dir}`,
      );
    }
  });

  test('a bundle finds the copies beside it; from source, the installed package', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'folio-pdfjs-'));
    try {
      writeFileSync(path.join(root, 'package.json'), '{}');
      mkdirSync(path.join(root, 'dist', 'pdfjs', 'cmaps'), { recursive: true });
      assert.equal(
        pdfjsAssetDir('cmaps', path.join(root, 'dist')),
        path.join(root, 'dist', 'pdfjs', 'cmaps') + path.sep,
      );
      const fromSource = pdfjsAssetDir('standard_fonts');
      assert.match(fromSource, /node_modules[\\/]pdfjs-dist[\\/]standard_fonts[\\/]$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
