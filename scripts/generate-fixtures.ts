// `npm run fixtures` — writes the standard 100-file batch (default fixtures/generated/batch, with
// expected texts and manifest.json in fixtures/generated/expected), or with `--sample` the small
// committed folder fixtures/sample (expected texts in fixtures/sample-expected).
//
//   --out DIR        documents folder
//   --expected DIR   expected texts + manifest (default: `expected` beside --out)
//   --seed N         default 20240315; the same seed gives byte-identical files
//   --only A,B       only files whose name contains A or B (for quick checks)
//   --sample         the sample folder instead of the batch
import path from 'node:path';
// Zip writers stamp entry times in local time: pin the zone so bytes match across machines.
process.env.TZ = 'UTC';

import { batchJobs } from './fixtures/batch-plan';
import { generateFixtures } from './fixtures/generate';
import { sampleJobs } from './fixtures/sample-plan';
import { DEFAULT_SEED } from './fixtures/version';

const projectRoot = path.resolve(__dirname, '..');

interface Args {
  out?: string;
  expected?: string;
  seed: number;
  only?: string[];
  sample: boolean;
  quiet: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: DEFAULT_SEED, sample: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--out') args.out = path.resolve(value());
    else if (flag === '--expected') args.expected = path.resolve(value());
    else if (flag === '--seed') args.seed = Number.parseInt(value(), 10);
    else if (flag === '--only') args.only = value().split(',').filter(Boolean);
    else if (flag === '--sample') args.sample = true;
    else if (flag === '--quiet') args.quiet = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!Number.isFinite(args.seed)) throw new Error('--seed must be an integer');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const docsDir =
    args.out ??
    path.join(projectRoot, 'fixtures', args.sample ? 'sample' : path.join('generated', 'batch'));
  const expectedDir =
    args.expected ??
    (args.sample && !args.out
      ? path.join(projectRoot, 'fixtures', 'sample-expected')
      : path.join(path.dirname(docsDir), 'expected'));
  const started = performance.now();
  const manifest = await generateFixtures({
    jobs: args.sample ? sampleJobs() : batchJobs(),
    docsDir,
    expectedDir,
    seed: args.seed,
    only: args.only,
    onFile: args.quiet
      ? undefined
      : (f, ms) =>
          console.log(
            `${f.name.padEnd(48)} ${f.kind.padEnd(11)} ${(f.bytes / 1024).toFixed(0).padStart(6)} KB ${ms.toFixed(0).padStart(6)} ms`,
          ),
  });
  const seconds = (performance.now() - started) / 1000;
  const counts = Object.entries(manifest.counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(
    `${manifest.files.length} files (${counts}), ${(manifest.totalBytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s → ${docsDir}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
