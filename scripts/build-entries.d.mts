// Types of build-entries.mjs for the TypeScript that imports it (tests/support/pool-harness.ts).
import type { BuildOptions } from 'esbuild';

export const projectRoot: string;
export const commonOptions: BuildOptions;
export const extensionBuild: BuildOptions;
export const nodeEntries: {
  cli: string;
  child: string;
  'pool-worker': string;
  'queue-planner': string;
  'queue-child': string;
};
export const nodeOptions: BuildOptions;
