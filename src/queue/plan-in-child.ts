// Asks the planning process (dist/queue-planner.mjs) for a batch's plan: walked, hashed, cache
// hits copied out. Forked like the extraction child, so the coordinator loads no worker code and
// its walk is exactly a local run's.
import { fork } from 'node:child_process';
import type { PlanAnswer, PlanRequest, PlanResult } from '../shared/queue-plan';

export function planInChild(
  plannerScript: string,
  request: Omit<PlanRequest, 'type'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PlanResult> {
  return new Promise((resolve, reject) => {
    const child = fork(plannerScript, [], {
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    let answered = false;
    child.once('message', (answer: PlanAnswer) => {
      answered = true;
      if (answer.type === 'planResult') resolve(answer);
      else reject(new Error(`The batch could not be planned: ${answer.message}`));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!answered) {
        reject(new Error(`The planning process stopped (${signal ?? `exit code ${code}`}).`));
      }
    });
    child.send({ type: 'plan', ...request } satisfies PlanRequest);
  });
}
