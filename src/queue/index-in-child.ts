// Asks a planning process (dist/queue-planner.mjs) to index a finished queued batch for search and
// find its near duplicates (src/workers/child/queue-index.ts): the coordinator loads no index code
// and the text is read there, from the shared output folder, never sent over Redis.
import type { IndexAnswer, IndexRequest, IndexResult } from '../shared/queue-index';
import { askPlanner } from './ask-planner';

export async function indexInChild(
  plannerScript: string,
  request: Omit<IndexRequest, 'type'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<IndexResult> {
  const answer = await askPlanner<IndexAnswer>(
    plannerScript,
    { type: 'index', ...request } satisfies IndexRequest,
    env,
  );
  if (answer.type === 'indexFailed') {
    throw new Error(`The batch's files could not be indexed for search: ${answer.message}`);
  }
  return answer;
}
