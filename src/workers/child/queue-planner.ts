// The planning process of a queued batch: forked by the coordinator (src/queue/plan-in-child.ts,
// index-in-child.ts), it answers one request over IPC and exits: `plan` before the batch (walk,
// hash, cache hits), `index` after it (search index and near duplicates). A process of its own,
// like the extraction child, so the parent side never loads worker code; the entry only says
// which names to accept.
import type { IndexAnswer, IndexRequest } from '../../shared/queue-index';
import type { PlanAnswer, PlanRequest } from '../../shared/queue-plan';
import { indexForQueue } from './queue-index';
import { planForQueue } from './queue-plan';

export function serveQueuePlanner(setup: { acceptName?: (name: string) => boolean } = {}): void {
  const answer = (message: PlanAnswer | IndexAnswer) =>
    new Promise<void>((resolve) => {
      if (!process.connected) return resolve();
      process.send?.(message, () => resolve());
    });
  const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
  process.once('message', (request: PlanRequest | IndexRequest) => {
    const answered =
      request.type === 'index'
        ? indexForQueue(request).then(answer, (error: unknown) =>
            answer({ type: 'indexFailed', message: message(error) }),
          )
        : planForQueue(request, setup.acceptName).then(answer, (error: unknown) =>
            answer({ type: 'planFailed', message: message(error) }),
          );
    void answered.finally(() => process.disconnect?.());
  });
  // Without a coordinator there is nobody to plan for.
  process.on('disconnect', () => setTimeout(() => process.exit(0), 200).unref());
}
