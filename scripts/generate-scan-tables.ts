// `node --import tsx scripts/generate-scan-tables.ts [--out DIR] [--truth DIR] [--seed N]` —
// writes the scanned-invoice family (issue 12) to fixtures/generated/scan-tables and each
// file's truth (expected text, exact tables) to fixtures/generated/scan-tables-truth. Its own
// folder and sources (scripts/scan-tables), so the standard batch and its stamp are untouched.
import path from 'node:path';
import { DEFAULT_SEED } from './fixtures/version';
import { writeFamily } from './scan-tables/write-family';

export const projectRoot = path.resolve(__dirname, '..');
export const scanTablesDir = path.join(projectRoot, 'fixtures', 'generated', 'scan-tables');
export const scanTablesTruthDir = path.join(
  projectRoot,
  'fixtures',
  'generated',
  'scan-tables-truth',
);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const out = path.resolve(value('--out') ?? scanTablesDir);
  const truthDir = path.resolve(value('--truth') ?? scanTablesTruthDir);
  const seed = Number(value('--seed') ?? DEFAULT_SEED);
  const truths = await writeFamily(out, truthDir, seed);
  for (const t of truths)
    console.log(`${t.name.padEnd(36)} ${t.pages} p, ${t.tables.length} tables, ${t.dpi} dpi`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
