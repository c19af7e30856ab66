// The JSON output format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderJson } from '../../../../src/workers/render/json';
import { auditPdf } from '../../../support/render-documents';

test('JSON is the model itself', () => {
  const doc = auditPdf();
  assert.deepEqual(JSON.parse(renderJson(doc)), doc);
});
