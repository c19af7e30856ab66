// Asks the planning process (dist/queue-planner.mjs) for a batch's plan: walked, hashed, cache
// hits copied out. In a child so that its walk is exactly a local run's.
import type { PlanAnswer, PlanRequest, PlanResult } from '../shared/queue-plan';
import { askPlanner } from './ask-planner';

export async function planInChild(
  plannerScript: string,
  request: Omit<PlanRequest, 'type'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PlanResult> {
  const answer = await askPlanner<PlanAnswer>(
    plannerScript,
    { type: 'plan', ...request } satisfies PlanRequest,
    env,
  );
  if (answer.type === 'planFailed') {
    throw new Error(`The batch could not be planned: ${answer.message}`);
  }
  return answer;
}
