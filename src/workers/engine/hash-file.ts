// Content hash of an input file, used for the report's source info and as the cache key.
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * sha256 of a regular file. Opens non-blocking and checks the opened handle, so a path that was
 * swapped for a FIFO or a device after the folder was walked fails at once (ENOTREG-like error
 * with code `ENOTFILE`) instead of blocking the process on open() or read().
 */
export async function sha256OfFile(filePath: string | Buffer): Promise<string> {
  const handle = await open(filePath, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) {
      throw Object.assign(new Error('Not a regular file.'), { code: 'ENOTFILE' });
    }
    const hash = createHash('sha256');
    for await (const chunk of createReadStream('', { fd: handle.fd, autoClose: false })) {
      hash.update(chunk as Buffer);
    }
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}
