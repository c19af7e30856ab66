// The shipped bundles, built from scripts/build-entries.mjs as scripts/build.mjs builds them,
// carry no test code: nothing under tests/ is bundled and no fault-injection name survives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build, type BuildOptions } from 'esbuild';
import {
  commonOptions,
  extensionBuild,
  nodeEntries,
  nodeOptions,
} from '../../scripts/build-entries.mjs';

const FAULT_TRACES = /\.fault-|FOLIO_TEST_FAULTS|faultKind|runFault/;

/** Builds in memory; returns the bundled source files and the output texts. */
async function bundle(options: BuildOptions): Promise<{ inputs: string[]; outputs: string[] }> {
  const result = await build({
    ...commonOptions,
    ...options,
    outdir: 'in-memory',
    write: false,
    metafile: true,
    sourcemap: false,
    logLevel: 'error',
  });
  return {
    inputs: Object.keys(result.metafile.inputs),
    outputs: result.outputFiles.map((file) => file.text),
  };
}

test('the shipped bundles hold no test code and no fault injection', async () => {
  const shipped = await Promise.all([
    bundle({ ...nodeOptions, entryPoints: nodeEntries }),
    bundle(extensionBuild),
  ]);
  const inputs = shipped.flatMap((b) => b.inputs);
  assert.ok(
    inputs.some((file) => file.startsWith('src/workers/thread/')),
    inputs.join('\n'),
  );
  assert.deepEqual(
    inputs.filter((file) => file.startsWith('tests/')),
    [],
  );
  for (const text of shipped.flatMap((b) => b.outputs)) {
    assert.doesNotMatch(text, FAULT_TRACES);
  }
});
