// Files of a queued batch with the same bytes and password are one job, as they are one
// extraction in a local run (batch-run.ts, deliverDuplicate): the first in walk order runs on a
// worker, the others get its output copied and its outcome, with `duplicateOf`. Without this a
// queued batch extracted every copy (issue 14: the bench's three copies of the sample folder
// took three times the work of the local pool, which extracts each distinct file once).
import { copyFileAtomic } from '../shared/atomic-file';
import { toFolioError } from '../shared/errors';
import type { FileReport } from '../shared/report';
import { failedOutcome, fileReport } from '../shared/report-builder';

export interface DuplicateCandidate {
  rel: string;
  sha256: string;
  /** Where this file's own output goes (the planner's output name); absent: not copied. */
  outputPath?: string;
}

export interface DuplicateSplit<T> {
  /** One file per distinct content: the jobs to run, in the order given. */
  leaders: T[];
  /** Leader's relative path → the files with the same content after it in walk order. */
  followersOf: Map<string, T[]>;
}

/**
 * Splits files into one leader per `keyOf` (content hash plus whatever else changes the output,
 * e.g. the password) and its followers. The leader is the earliest in `walkOrder`, as a local
 * run's `duplicateOf` names the first in walk order.
 */
export function splitDuplicates<T extends DuplicateCandidate>(
  files: readonly T[],
  walkOrder: readonly string[],
  keyOf: (file: T) => string,
): DuplicateSplit<T> {
  const position = new Map(walkOrder.map((rel, i) => [rel, i]));
  const at = (file: T) => position.get(file.rel) ?? Number.MAX_SAFE_INTEGER;
  const groups = new Map<string, T[]>();
  for (const file of files) {
    const key = keyOf(file);
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  const leaderOf = new Map<T, T>();
  const followersOf = new Map<string, T[]>();
  for (const group of groups.values()) {
    const [leader, ...followers] = [...group].sort((a, b) => at(a) - at(b));
    leaderOf.set(leader, leader);
    if (followers.length > 0) followersOf.set(leader.rel, followers);
  }
  return { leaders: files.filter((file) => leaderOf.has(file)), followersOf };
}

/** A follower's entry: its leader's outcome, its own path and output, not run itself. */
export function followerReport(
  leader: FileReport,
  follower: DuplicateCandidate,
  ms: number,
): FileReport {
  const { output, cached: _cached, nearDuplicates: _near, duplicateOf: _dup, ...outcome } = leader;
  const copied = output !== undefined && follower.outputPath !== undefined;
  return {
    ...outcome,
    path: follower.rel,
    ms: Math.round(ms),
    attempts: 0,
    ...(copied ? { output: follower.outputPath } : {}),
    duplicateOf: leader.path,
  };
}

/**
 * Copies the leader's output to each follower's name and returns their entries; a copy that
 * fails makes that follower failed, with the reason, not the batch.
 */
export async function deliverFollowers(
  leader: FileReport,
  followers: readonly DuplicateCandidate[],
): Promise<FileReport[]> {
  return Promise.all(
    followers.map(async (follower) => {
      const startedAt = Date.now();
      try {
        if (leader.output !== undefined && follower.outputPath !== undefined) {
          await copyFileAtomic(leader.output, follower.outputPath);
        }
        return followerReport(leader, follower, Date.now() - startedAt);
      } catch (error) {
        const failure = toFolioError(error);
        const outcome = failedOutcome(failure.code, failure.message, leader.kind);
        return fileReport(follower.rel, outcome, {
          ms: Date.now() - startedAt,
          attempts: 0,
          duplicateOf: leader.path,
        });
      }
    }),
  );
}
