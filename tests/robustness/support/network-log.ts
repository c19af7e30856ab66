// Reads what tests/support/no-network.cjs recorded, and builds the environment that loads it into
// a whole process tree.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../support/paths';

export const noNetworkPreload = path.join(projectRoot, 'tests', 'support', 'no-network.cjs');

export interface NetworkLogEntry {
  event: 'loaded' | 'attempt';
  pid: number;
  threadId: number;
  api: string;
  target: string;
  stack?: string[];
}

/** Environment for a child process: the preload via NODE_OPTIONS, attempts recorded to `log`. */
export function noNetworkEnv(
  log: string,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const inherited = (base.NODE_OPTIONS ?? '').trim();
  return {
    ...base,
    FOLIO_NET_LOG: log,
    NODE_OPTIONS: `${inherited} --require ${JSON.stringify(noNetworkPreload)}`.trim(),
  };
}

export function readNetworkLog(log: string): {
  loaded: NetworkLogEntry[];
  attempts: NetworkLogEntry[];
} {
  if (!existsSync(log)) return { loaded: [], attempts: [] };
  const entries = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as NetworkLogEntry);
  return {
    loaded: entries.filter((e) => e.event === 'loaded'),
    attempts: entries.filter((e) => e.event === 'attempt'),
  };
}
