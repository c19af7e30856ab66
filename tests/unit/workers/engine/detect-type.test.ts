import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectTypeFromHead } from '../../../../src/workers/engine/detect-type';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

test('a PNG named .pdf is detected as an image', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.deepEqual(detectTypeFromHead(png, 'invoice.pdf'), { kind: 'image', mime: 'image/png' });
});

test('a PDF header after leading junk is still a PDF', () => {
  const pdf = Buffer.concat([Buffer.from('junk\n'), Buffer.from('%PDF-1.7\n')]);
  assert.equal(detectTypeFromHead(pdf, 'x.pdf').kind, 'pdf');
});

test('an empty head is EMPTY_FILE', () => {
  assert.equal(
    codeOf(() => detectTypeFromHead(Buffer.alloc(0), 'a.pdf')),
    'EMPTY_FILE',
  );
});

test('an OLE container holding EncryptedPackage is ENCRYPTED', () => {
  const ole = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.from('EncryptedPackage', 'utf16le'),
  ]);
  assert.equal(
    codeOf(() => detectTypeFromHead(ole, 'book.xlsx')),
    'ENCRYPTED',
  );
});

test('random bytes with a document extension are UNSUPPORTED_TYPE', () => {
  assert.equal(
    codeOf(() => detectTypeFromHead(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), 'report.docx')),
    'UNSUPPORTED_TYPE',
  );
});
