// One request to a planner process (dist/queue-planner.mjs) and its one answer: forked like the
// extraction child, so the coordinator loads no worker code. plan-in-child.ts and
// index-in-child.ts say what is asked.
import { fork } from 'node:child_process';

export function askPlanner<Answer extends { type: string }>(
  plannerScript: string,
  request: { type: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const child = fork(plannerScript, [], {
      env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    let answered = false;
    child.once('message', (answer: Answer) => {
      answered = true;
      resolve(answer);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!answered) {
        reject(new Error(`The planning process stopped (${signal ?? `exit code ${code}`}).`));
      }
    });
    child.send(request);
  });
}
