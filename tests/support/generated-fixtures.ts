// Gives tests and the bench the standard 100-file batch, generating it into fixtures/generated
// only when it is absent or older than the generator (the manifest, written last, records the
// generator's version, seed and a hash of its sources). Concurrent callers (test files run in
// parallel) share one run through a lock file. `npm run fixtures` makes the same batch.
import { execFile } from 'node:child_process';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FixtureEntry, FixtureManifest } from '../../scripts/fixtures/manifest';
import { generatorEntry, generatorSourceHash } from '../../scripts/fixtures/source-hash';
import { DEFAULT_SEED, FIXTURES_VERSION } from '../../scripts/fixtures/version';
import { projectRoot } from './paths';

export type { FixtureEntry, FixtureManifest };

export const generatedRoot = path.join(projectRoot, 'fixtures', 'generated');
export const sampleExpectedDir = path.join(projectRoot, 'fixtures', 'sample-expected');

export interface FixtureSet {
  /** The documents: point the extractor here. */
  dir: string;
  /** Expected texts and manifest.json. */
  expectedDir: string;
  manifest: FixtureManifest;
}

type Stamp = Omit<FixtureManifest['generator'], 'subset'>;

const lockPath = path.join(generatedRoot, '.lock');
const batchDir = path.join(generatedRoot, 'batch');
const expectedDir = path.join(generatedRoot, 'expected');
const LOCK_WAIT_MS = 15 * 60 * 1000;

function wantedStamp(): Stamp {
  return { version: FIXTURES_VERSION, seed: DEFAULT_SEED, sourceHash: generatorSourceHash() };
}

async function isUpToDate(want: Stamp): Promise<boolean> {
  try {
    const have = (await readManifest(expectedDir)).generator;
    return (
      have.version === want.version &&
      have.seed === want.seed &&
      have.sourceHash === want.sourceHash &&
      !have.subset
    );
  } catch {
    return false;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock, or returns false when a live process holds it. Clears a dead holder's lock. */
async function tryLock(): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
    if (Number.isFinite(holder) && processAlive(holder)) return false;
    await rm(lockPath, { force: true });
    return tryLock();
  }
}

async function runGenerator(): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', generatorEntry, '--out', batchDir, '--expected', expectedDir, '--quiet'],
    { cwd: projectRoot, maxBuffer: 16 * 1024 * 1024 },
  );
}

export async function readManifest(dir: string): Promise<FixtureManifest> {
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as FixtureManifest;
}

/** The expected text of an entry, or undefined for files that have none (bad files). */
export async function readExpectedText(
  set: FixtureSet,
  entry: FixtureEntry,
): Promise<string | undefined> {
  return entry.expectedText
    ? readFile(path.join(set.expectedDir, entry.expectedText), 'utf8')
    : undefined;
}

/** The standard batch, generated on first use (about 20 s of CPU) and reused after. */
export async function ensureGeneratedBatch(): Promise<FixtureSet> {
  const want = wantedStamp();
  const deadline = Date.now() + LOCK_WAIT_MS;
  while (!(await isUpToDate(want))) {
    await mkdir(generatedRoot, { recursive: true });
    if (await tryLock()) {
      try {
        if (!(await isUpToDate(want))) await runGenerator();
      } finally {
        await rm(lockPath, { force: true });
      }
    } else {
      if (Date.now() > deadline) throw new Error(`fixtures lock ${lockPath} held for too long`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return { dir: batchDir, expectedDir, manifest: await readManifest(expectedDir) };
}

/** The committed sample folder and its expected texts (no generation needed). */
export async function sampleFixtures(): Promise<FixtureSet> {
  return {
    dir: path.join(projectRoot, 'fixtures', 'sample'),
    expectedDir: sampleExpectedDir,
    manifest: await readManifest(sampleExpectedDir),
  };
}
