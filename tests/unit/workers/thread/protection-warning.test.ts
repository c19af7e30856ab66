// A protected PDF that opened says so; an unprotected one and other kinds say nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExtractedDocument } from '../../../../src/shared/model';
import { protectionWarning } from '../../../../src/workers/thread/protection-warning';

const doc = (kind: 'pdf' | 'docx', encrypted?: boolean) =>
  ({ source: { kind }, metadata: { encrypted } }) as unknown as ExtractedDocument;

test('owner password only: protected, not lossy', () => {
  const warning = protectionWarning(doc('pdf', true), false);
  assert.equal(warning?.code, 'PROTECTED');
  assert.equal(warning?.lossy, false);
  assert.match(warning?.message ?? '', /owner password restricts printing, copying or editing/);
});

test('opened with the password file: says where the password came from', () => {
  assert.match(
    protectionWarning(doc('pdf', true), true)?.message ?? '',
    /password from the password file/,
  );
});

test('no encryption, or not a PDF: no warning', () => {
  assert.equal(protectionWarning(doc('pdf'), false), undefined);
  assert.equal(protectionWarning(doc('docx', true), false), undefined);
});
