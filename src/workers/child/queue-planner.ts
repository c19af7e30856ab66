// The planning process of a queued batch: forked by the coordinator (src/queue/plan-in-child.ts),
// it answers one `plan` request over IPC and exits. A process of its own, like the extraction
// child, so the parent side never loads worker code; the entry only says which names to accept.
import type { PlanAnswer, PlanRequest } from '../../shared/queue-plan';
import { planForQueue } from './queue-plan';

export function serveQueuePlanner(setup: { acceptName?: (name: string) => boolean } = {}): void {
  const answer = (message: PlanAnswer) =>
    new Promise<void>((resolve) => {
      if (!process.connected) return resolve();
      process.send?.(message, () => resolve());
    });
  process.once('message', (request: PlanRequest) => {
    planForQueue(request, setup.acceptName)
      .then(answer, (error: unknown) =>
        answer({
          type: 'planFailed',
          message: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => process.disconnect?.());
  });
  // Without a coordinator there is nobody to plan for.
  process.on('disconnect', () => setTimeout(() => process.exit(0), 200).unref());
}
