// Bench (not a test): Folio's PDF tables against the ICDAR 2013 EU ground truth.
//   node --import tsx scripts/score-icdar-tables.ts [--verbose] [--sys FILE]
// Prints the scorer's JSON (F1, tables found of the ground truth's); per document with --verbose.
import os from 'node:os';
import path from 'node:path';
import { icdarAvailable, icdarDir, scoreIcdar } from './tables/icdar-tables';

async function main(): Promise<void> {
  if (!icdarAvailable) {
    console.error(`ICDAR tables corpus not found at ${icdarDir}`);
    process.exit(1);
  }
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--sys');
  const sysFile = at >= 0 ? argv[at + 1] : path.join(os.tmpdir(), 'folio-icdar-sys.json');
  const started = performance.now();
  const { score, perDoc } = await scoreIcdar(sysFile, argv.includes('--verbose'));
  for (const line of perDoc) console.log(line);
  console.log(
    JSON.stringify({
      ...score,
      seconds: Math.round((performance.now() - started) / 100) / 10,
      sys: sysFile,
    }),
  );
}

void main();
