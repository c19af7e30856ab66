// Where an export may go: never into the evidence itself without asking, since the next run of
// that folder would read the exported text (and the manifest) as more evidence. Pure (no vscode
// import); the commands ask the question.
import path from 'node:path';

/** The input folder `target` is, or is inside, if any. */
export function evidenceFolderHolding(
  target: string,
  inputs: readonly string[],
): string | undefined {
  return inputs.find((input) => {
    const rel = path.relative(input, target);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}
