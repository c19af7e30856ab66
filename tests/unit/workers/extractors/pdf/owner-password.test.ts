// A PDF protected only by an owner password (it restricts printing and copying, anyone can open
// it) is read in full and says it was protected; one needing a user password is ENCRYPTED with
// the one password advice (src/shared/password-advice.ts).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import PDFDocument from 'pdfkit';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { PDF_NEEDS_PASSWORD } from '../../../../../src/shared/password-advice';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import { protectionWarning } from '../../../../../src/workers/thread/protection-warning';
import { failure } from '../../../../support/errors';
import { tempFolder } from '../../../../support/pool-harness';

const noOcr = { ...defaultExtractOptions, ocr: { ...defaultExtractOptions.ocr, enabled: false } };

function protectedPdf(file: string, passwords: { ownerPassword?: string; userPassword?: string }) {
  return new Promise<string>((resolve, reject) => {
    const doc = new PDFDocument({
      ...passwords,
      permissions: { printing: 'lowResolution', copying: false },
      pdfVersion: '1.7',
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      writeFileSync(file, Buffer.concat(chunks));
      resolve(file);
    });
    doc.on('error', reject);
    doc.text('Quarterly statement of the escrow account, balance 41,228.23.');
    doc.end();
  });
}

test('owner password only: the text is read and the document says it was protected', async () => {
  const file = await protectedPdf(path.join(tempFolder({}), 'owner.pdf'), {
    ownerPassword: 'owner-secret',
  });
  const doc = await extractFile(file, { options: noOcr });
  assert.match(doc.blocks.map((b) => ('text' in b ? b.text : '')).join(' '), /escrow account/);
  assert.equal(doc.metadata.encrypted, true);
  assert.equal(protectionWarning(doc, false)?.code, 'PROTECTED');
});

test('a user password: ENCRYPTED with the setting, the flag and the file format', async () => {
  const file = await protectedPdf(path.join(tempFolder({}), 'user.pdf'), {
    userPassword: 'u',
    ownerPassword: 'o',
  });
  const error = await failure(extractFile(file, { options: noOcr }));
  assert.equal(error.code, 'ENCRYPTED');
  assert.equal(error.message, PDF_NEEDS_PASSWORD);
  assert.match(error.message, /--password-file FILE \(CLI\) or the folio\.passwordFile setting/);
  assert.match(error.message, /JSON map of file/);
});

test('an unprotected PDF says nothing of protection', async () => {
  const file = path.join(tempFolder({}), 'plain.pdf');
  await protectedPdf(file, {});
  const doc = await extractFile(file, { options: noOcr });
  assert.equal(doc.metadata.encrypted, undefined);
  assert.equal(protectionWarning(doc, false), undefined);
});
