// The pool worker of the fault-injection tests: `*.fault-<kind>` files run their fault (faults.ts),
// every other file goes through the shipped handler unchanged.
import type { PoolResult, PoolTask } from '../../../src/workers/thread/task-types';
import { extractTaskFile, handleTaskWith } from '../../../src/workers/thread/pool-worker';
import { faultKind, runFault } from './faults';

export default function handleFaultTask(task: PoolTask): Promise<PoolResult> {
  return handleTaskWith(
    (extract, onProgress) =>
      faultKind(extract.filePath) !== undefined
        ? runFault(extract.filePath, onProgress)
        : extractTaskFile(extract, onProgress),
    task,
  );
}
