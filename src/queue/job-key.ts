// A secret that lets a job id depend on a file's password without Redis learning anything about
// it: the id takes an HMAC of the password under this key, which lives in the batch's cache folder
// on the shared storage (where the coordinators are), never in Redis. Without it, fixing a wrong
// password and rerunning would find the old job, with its WRONG_PASSWORD, under the same id.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const KEY_FILE = 'queue-job-key';

/** Reads `<cacheDir>/queue-job-key`, creating it (0600, first writer wins) when absent. */
export async function jobKeyFor(cacheDir: string): Promise<Buffer> {
  const file = path.join(cacheDir, KEY_FILE);
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch {
    await mkdir(cacheDir, { recursive: true });
    // `wx`: two coordinators starting at once must not each write their own key.
    await writeFile(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      },
    );
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  }
}

/** '' for a file without a password; otherwise a keyed hash no one can reverse without the key. */
export function passwordTag(key: Buffer, password: string | undefined): string {
  if (password === undefined) return '';
  return createHmac('sha256', key).update(password).digest('hex');
}
