// PDF metadata: the info dictionary and XMP title become the document's metadata.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { metadataFromInfo, parsePdfDate } from '../../../../../src/workers/extractors/pdf/metadata';

describe('metadata', () => {
  test('PDF dates become ISO UTC, honouring the offset', () => {
    assert.equal(parsePdfDate("D:20230115093000+01'00'"), '2023-01-15T08:30:00.000Z');
    assert.equal(parsePdfDate('D:2019'), '2019-01-01T00:00:00.000Z');
    assert.equal(parsePdfDate('D:20231399'), undefined);
    assert.equal(parsePdfDate('yesterday'), undefined);
    assert.equal(parsePdfDate(42), undefined);
  });

  test('info fields are cleaned; XMP title is the fallback', () => {
    const meta = metadataFromInfo(
      { Title: '  \u0000Annual\u0000 Report ', Author: 'A. Person', CreationDate: 'D:20200102' },
      3,
    );
    assert.deepEqual(meta, {
      pageCount: 3,
      title: 'Annual Report',
      author: 'A. Person',
      created: '2020-01-02T00:00:00.000Z',
    });
    assert.equal(metadataFromInfo({}, 1, 'From XMP').title, 'From XMP');
  });
});
