// A job runs its one file through the same child process and pool as a local run. The child walks
// a folder; walking the whole shared input for every job would cost more than the job on a large
// data room, so the worker hands it a private folder holding one symbolic link, at the file's
// relative path, to the file. The report entry and the output name are then the local run's.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface JobViewFolder {
  /** The folder to give the child as its input. */
  dir: string;
  remove(): Promise<void>;
}

export async function makeJobViewFolder(rel: string, abs: string): Promise<JobViewFolder> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folio-job-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const link = path.join(dir, ...rel.split('/'));
    // The planner's walk never yields `..` or an absolute path, but a job is data from Redis.
    if (path.relative(dir, link).startsWith('..')) throw new Error(`not a relative path: ${rel}`);
    await mkdir(path.dirname(link), { recursive: true });
    await symlink(abs, link);
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
