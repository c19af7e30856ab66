// Page classification without pdfjs: text health, the OCR decision and the operator-list summary.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  classifyPage,
  isGarbage,
  mostlyInvisible,
  needsOperatorList,
  summarizeOperators,
  textHealth,
  type OperatorCodes,
  type OperatorSummary,
} from '../../../../../src/workers/extractors/pdf/page-classify';

// Distinct codes; the real pdfjs OPS values are exercised by the corpus test.
const OPS: OperatorCodes = {
  save: 1,
  restore: 2,
  transform: 3,
  paintFormXObjectBegin: 4,
  paintFormXObjectEnd: 5,
  beginGroup: 6,
  endGroup: 7,
  setTextRenderingMode: 8,
  showText: 9,
  showSpacedText: 10,
  paintImageXObject: 11,
  paintInlineImageXObject: 12,
  paintImageMaskXObject: 13,
  paintImageXObjectRepeat: 14,
  paintImageMaskXObjectRepeat: 15,
  paintInlineImageXObjectGroup: 16,
  paintImageMaskXObjectGroup: 17,
};
const PAGE_AREA = 612 * 792;
const glyphs = (n: number) => Array.from({ length: n }, () => ({ unicode: 'a' }));
const ops = (over: Partial<OperatorSummary>): OperatorSummary => ({
  images: 0,
  imageCoverage: 0,
  visibleGlyphs: 0,
  invisibleGlyphs: 0,
  ...over,
});

describe('text health', () => {
  test('counts non-space, unreadable and alphanumeric characters', () => {
    assert.deepEqual(textHealth('ab 1\n\ufffd\ue000!'), {
      chars: 6,
      unreadable: 2,
      alphanumeric: 3,
    });
  });

  test('counts as a regular expression per character would, whatever the characters', () => {
    const reference = (text: string) => {
      const health = { chars: 0, unreadable: 0, alphanumeric: 0 };
      for (const ch of text) {
        if (/\s/u.test(ch)) continue;
        health.chars++;
        if (/[\ufffd\ue000-\uf8ff\p{Cc}]/u.test(ch)) health.unreadable++;
        else if (/[\p{L}\p{N}]/u.test(ch)) health.alphanumeric++;
      }
      return health;
    };
    // Every ASCII code, and the blanks, controls, letters and digits beyond it.
    const ascii = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    const beyond =
      '\u0085\u00a0\u00e9\u0661\u2003\u2028\u3000\ufeff\ufffd\ue000\uf8ff中\u{1d400}\u{1f600}\ud800';
    assert.deepEqual(textHealth(ascii + beyond), reference(ascii + beyond));
    let seed = 7;
    const pick = (s: string) => [...s][(seed = (seed * 48271) % 2147483647) % [...s].length];
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 40 }, () => pick(ascii + beyond)).join('');
      assert.deepEqual(textHealth(text), reference(text), JSON.stringify(text));
    }
  });

  test('replacement and private-use characters make garbage; ordinary text and bullets do not', () => {
    assert.equal(isGarbage(textHealth('\ufffd'.repeat(30) + 'abc')), true);
    assert.equal(isGarbage(textHealth('!"#$%&\'()*+,-./:;<=>?@[]^_{|}~')), true);
    assert.equal(isGarbage(textHealth('\uf0b7 Revenue grew 12% in 2023 \uf0b7 Costs fell')), false);
    assert.equal(isGarbage(textHealth('\ufffd\ufffd')), false, 'too short to judge');
  });
});

describe('OCR decision', () => {
  const none = textHealth('');
  const rich = textHealth('word '.repeat(100));

  test('no text but an image: a scan', () => {
    assert.equal(classifyPage(none, ops({ images: 1, imageCoverage: 0.9 })), 'scanned');
  });

  test('no text and no image: blank, not OCR', () => {
    assert.equal(classifyPage(none, ops({})), null);
    assert.equal(classifyPage(none, ops({ images: 1, imageCoverage: 0.001 })), null, 'an icon');
  });

  test('a full-page image under a stamp-sized text layer is still a scan', () => {
    const stamp = textHealth('CONFIDENTIAL ABC000123');
    assert.equal(classifyPage(stamp, ops({ images: 1, imageCoverage: 0.97 })), 'scanned');
    assert.equal(classifyPage(stamp, ops({ images: 1, imageCoverage: 0.4 })), null, 'a figure');
  });

  test('text mostly drawn invisibly (render mode 3) over a scan: an earlier OCR layer', () => {
    const layer = { invisibleGlyphs: 400, visibleGlyphs: 10 };
    assert.equal(
      classifyPage(rich, ops({ ...layer, images: 1, imageCoverage: 1 })),
      'invisible-text',
    );
    assert.equal(
      classifyPage(
        rich,
        ops({ invisibleGlyphs: 5, visibleGlyphs: 400, images: 1, imageCoverage: 1 }),
      ),
      null,
    );
  });

  test('invisible text over no image is hidden text: not OCR (OCR cannot see it), but noted', () => {
    const hidden = ops({ invisibleGlyphs: 400, visibleGlyphs: 10 });
    assert.equal(classifyPage(rich, hidden), null);
    assert.equal(mostlyInvisible(hidden), true);
    assert.equal(mostlyInvisible(ops({ invisibleGlyphs: 5, visibleGlyphs: 400 })), false);
  });

  test('garbage text is OCR’d without looking at operators', () => {
    const garbage = textHealth('\ufffd'.repeat(50));
    assert.equal(needsOperatorList(garbage, { textPagesProbed: 0, invisibleSeen: false }), false);
    assert.equal(classifyPage(garbage, null), 'unreadable-text');
  });

  test('operators are fetched for sparse pages and the first text pages, then only if needed', () => {
    assert.equal(needsOperatorList(none, { textPagesProbed: 9, invisibleSeen: false }), true);
    assert.equal(needsOperatorList(rich, { textPagesProbed: 0, invisibleSeen: false }), true);
    assert.equal(needsOperatorList(rich, { textPagesProbed: 2, invisibleSeen: false }), false);
    assert.equal(needsOperatorList(rich, { textPagesProbed: 2, invisibleSeen: true }), true);
  });
});

describe('operator summary', () => {
  test('image area follows the transform through save/restore and forms', () => {
    const fn = [
      OPS.save,
      OPS.transform,
      OPS.paintImageXObject,
      OPS.restore,
      OPS.paintFormXObjectBegin,
      OPS.paintInlineImageXObject,
      OPS.paintFormXObjectEnd,
    ];
    const args = [
      null,
      [612, 0, 0, 396, 0, 0], // half the page
      ['img1', 100, 100],
      null,
      [[306, 0, 0, 396, 0, 0], null], // a quarter, drawn inside a form
      [{}],
      null,
    ];
    const s = summarizeOperators(fn, args, OPS, PAGE_AREA);
    assert.equal(s.images, 2);
    assert.ok(Math.abs(s.imageCoverage - 0.75) < 1e-9, String(s.imageCoverage));
  });

  test('glyphs are counted by render mode, which save/restore brings back', () => {
    const fn = [
      OPS.showText,
      OPS.save,
      OPS.setTextRenderingMode,
      OPS.showText,
      OPS.setTextRenderingMode,
      OPS.showText,
      OPS.restore,
      OPS.showText,
    ];
    const args = [
      [glyphs(3)],
      null,
      [3],
      [glyphs(10)],
      [7],
      [[...glyphs(4), -120]],
      null,
      [glyphs(2)],
    ];
    const s = summarizeOperators(fn, args, OPS, PAGE_AREA);
    assert.deepEqual([s.visibleGlyphs, s.invisibleGlyphs], [5, 14]);
  });

  test('repeated and grouped images add up', () => {
    const fn = [OPS.transform, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectGroup];
    const args = [
      [612, 0, 0, 792, 0, 0],
      ['img', 0.1, 0.1, [0, 0, 0.1, 0, 0.2, 0]],
      [[{ transform: [0.5, 0, 0, 0.5, 0, 0] }]],
    ];
    const s = summarizeOperators(fn, args, OPS, PAGE_AREA);
    assert.equal(s.images, 4);
    assert.ok(Math.abs(s.imageCoverage - 0.28) < 1e-9, String(s.imageCoverage));
  });
});
