// `folio status --queue URL`: what the cluster is doing, read from the queue alone: jobs waiting,
// running, done and failed, files per minute over the last five minutes, and the workers alive
// (BullMQ names each worker's Redis connection, so a killed worker drops out of the list).
import { Queue } from 'bullmq';
import { bullConnection, KEY_PREFIX, redactedUrl, type QueueTarget } from './redis-connection';

export interface QueueStatus {
  queue: string;
  url: string;
  waiting: number;
  active: number;
  done: number;
  failed: number;
  /** Long scans whose page-range jobs are not all done yet (their merge job waits for them). */
  waitingForRanges: number;
  /** Files (not page ranges) finished in the last five minutes, per minute. */
  filesPerMin: number;
  workers: string[];
}

const RATE_WINDOW_MS = 5 * 60_000;
/** Recent jobs read for the rate: enough for a few hundred files a minute. */
const RATE_SAMPLE = 2000;

export async function readQueueStatus(
  target: QueueTarget,
  env: NodeJS.ProcessEnv = process.env,
  now = Date.now(),
): Promise<QueueStatus> {
  const queue = new Queue(target.queueName, {
    connection: { ...bullConnection(target.url, env), retryStrategy: () => null },
    prefix: KEY_PREFIX,
  });
  // Unreachable Redis: the first command fails (no retries here) and says so; no stray error events.
  queue.on('error', () => undefined);
  try {
    const counts = await queue.getJobCounts(
      'waiting',
      'prioritized',
      'delayed',
      'active',
      'completed',
      'failed',
      'waiting-children',
    );
    const recent = await queue.getJobs(['completed', 'failed'], 0, RATE_SAMPLE - 1, false);
    const inWindow = recent.filter(
      (job) => job.name !== 'range' && (job.finishedOn ?? 0) >= now - RATE_WINDOW_MS,
    ).length;
    const workers = await queue.getWorkers().catch(() => []);
    return {
      queue: target.queueName,
      url: redactedUrl(target.url),
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
      active: counts.active ?? 0,
      done: counts.completed ?? 0,
      failed: counts.failed ?? 0,
      waitingForRanges: counts['waiting-children'] ?? 0,
      filesPerMin: Math.round((inWindow / (RATE_WINDOW_MS / 60_000)) * 10) / 10,
      workers: workers.map(workerName).sort(),
    };
  } finally {
    await queue.close().catch(() => undefined);
  }
}

/** BullMQ names a worker's connection `<prefix>:<base64 queue>:w:<worker name>`. */
function workerName(client: Record<string, string>): string {
  const raw = client.rawname ?? client.name ?? '?';
  const at = raw.indexOf(':w:');
  return at >= 0 ? raw.slice(at + 3) : raw;
}

export function statusLines(status: QueueStatus): string[] {
  return [
    `queue ${status.queue} on ${status.url}`,
    `jobs: done ${status.done}, failed ${status.failed}, running ${status.active}, queued ${status.waiting}`,
    ...(status.waitingForRanges > 0
      ? [`${status.waitingForRanges} long scans waiting for their page ranges (one job each)`]
      : []),
    `${status.filesPerMin} files/min over the last 5 minutes`,
    `${status.workers.length} workers alive${status.workers.length ? ': ' + status.workers.join(', ') : ''}`,
  ];
}
