// mammoth's messages as Folio warnings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mammothWarnings } from '../../../../../src/workers/extractors/docx/mammoth-adapter';

test('mammoth style messages collapse into one readable warning', () => {
  const warnings = mammothWarnings([
    { message: "Unrecognised paragraph style: 'Title' (Style ID: Title)" },
    { message: "Unrecognised run style: 'Strong' (Style ID: Strong)" },
    { message: 'An unrecognised element was ignored: {http://x/math}oMath' },
    { message: 'Something else' },
  ]);
  assert.deepEqual(
    warnings.map((w) => [w.code, w.lossy]),
    [
      ['CONVERSION_WARNING', false],
      ['CONVERSION_WARNING', false],
      ['CONVERSION_WARNING', false],
    ],
  );
  assert.match(warnings[0]?.message ?? '', /Title, Strong/);
  assert.match(warnings[1]?.message ?? '', /oMath/);
});
