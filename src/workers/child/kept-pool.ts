// One thread pool kept across batches, for the queue worker's child (issue 14): a queue worker
// runs one-file batches back to back, and a pool per batch would start a thread, load the
// extractor's libraries and the OCR engine again for every file (measured: bench/results/
// queue-*.json). Batches get the kept pool behind a TaskRunner whose destroy() leaves it running;
// it is replaced only when a batch asks for another size or heap limit.
import { PiscinaRunner, type TaskRunner } from './piscina-runner';

export class KeptPool {
  private current: { key: string; runner: PiscinaRunner } | undefined;

  constructor(private readonly workerFile: string) {}

  runnerFor(threads: number, maxOldGenerationSizeMb: number): TaskRunner {
    const key = `${threads}/${maxOldGenerationSizeMb}`;
    if (this.current?.key !== key) {
      void this.current?.runner.destroy();
      this.current = {
        key,
        runner: new PiscinaRunner({ workerFile: this.workerFile, threads, maxOldGenerationSizeMb }),
      };
    }
    const { runner } = this.current;
    return {
      run: (task, options) => runner.run(task, options),
      releaseMemory: () => runner.releaseMemory(),
      // The batch is over, the pool is not: the next batch takes its threads as they are.
      destroy: async () => undefined,
    };
  }
}
