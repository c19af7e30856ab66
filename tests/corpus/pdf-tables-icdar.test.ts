// PDF tables against the ICDAR 2013 table competition's EU documents in ../shared/corpus/tables
// (skipped when absent): the competition's adjacency-relation F1 over all 27 documents and the
// share of ground-truth tables found, through the product extractor with default settings.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { icdarAvailable, icdarDir, scoreIcdar } from '../../scripts/tables/icdar-tables';

/**
 * Floors a little under what was measured (F1 0.963, 76 of 76 tables found), above the issue's
 * target (F1 0.85, 90% of the tables), so a regression shows.
 */
const MIN_F1 = 0.94;
const MIN_TABLES_FOUND = 0.95;

describe(
  'PDF tables: ICDAR 2013 EU',
  {
    skip: icdarAvailable ? false : `ICDAR tables corpus not found at ${icdarDir}: skipped`,
  },
  () => {
    test(`F1 >= ${MIN_F1} and >= ${MIN_TABLES_FOUND * 100}% of the tables found`, async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'folio-icdar-'));
      try {
        const { score } = await scoreIcdar(path.join(dir, 'SYS.json'));
        console.log(`[tables] ICDAR EU ${JSON.stringify(score)}`);
        assert.equal(score.documents, 27);
        assert.ok(score.f1 >= MIN_F1, `F1 ${score.f1} < ${MIN_F1}`);
        const found = score.tablesFound / score.tablesGt;
        assert.ok(found >= MIN_TABLES_FOUND, `tables found ${score.tablesFound}/${score.tablesGt}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
