// Where the outputs of one input folder go when the user names no output folder: a folder of its
// own under a store (the extension's storage, the child's cache folder), named after the input
// and a hash of its absolute path, so two inputs called `docs` never share one.
import { createHash } from 'node:crypto';
import path from 'node:path';

/** `<store>/outputs/<input's name>-<16 hex digits of sha256(absolute input path)>`. */
export function outputsFolderFor(store: string, input: string): string {
  const absolute = path.resolve(input);
  const id = createHash('sha256').update(absolute).digest('hex').slice(0, 16);
  return path.join(store, 'outputs', `${path.basename(absolute) || 'root'}-${id}`);
}
