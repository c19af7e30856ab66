import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { writeFileAtomic } from '../../../src/shared/atomic-file';
import { tempFolder } from '../../support/pool-harness';

test('atomic writes leave no temporary files behind', async () => {
  const dir = tempFolder({});
  const target = path.join(dir, 'deep', 'out.md');
  await writeFileAtomic(target, 'one');
  await writeFileAtomic(target, 'two');
  assert.equal(readFileSync(target, 'utf8'), 'two');
  assert.deepEqual(readdirSync(path.dirname(target)), ['out.md']);
});
