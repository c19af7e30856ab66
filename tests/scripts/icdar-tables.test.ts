// The ICDAR bench's helpers: table blocks into the scorer's per-page SYS form.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ExtractedDocument } from '../../src/shared/model';
import { sysPages } from '../../scripts/tables/icdar-tables';

const box = { x0: 0, y0: 0, x1: 1, y1: 1 };

describe('sysPages', () => {
  test('tables per page; a table joined over pages is cut back into its pages', () => {
    const doc = {
      blocks: [
        { type: 'paragraph', text: 'x', prov: { page: 1 } },
        { type: 'table', rows: [['a', 'b']], header: false, prov: { page: 1 } },
        {
          type: 'table',
          rows: [
            ['c', 'd'],
            ['e', 'f'],
            ['g', 'h'],
          ],
          header: false,
          continuation: [{ page: 3, row: 2, bbox: box }],
          prov: { page: 2 },
        },
      ],
    } as unknown as ExtractedDocument;
    assert.deepEqual(sysPages(doc), {
      '1': [[['a', 'b']]],
      '2': [
        [
          ['c', 'd'],
          ['e', 'f'],
        ],
      ],
      '3': [[['g', 'h']]],
    });
  });
});
