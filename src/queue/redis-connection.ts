// How Folio reaches Redis: a `redis://` or `rediss://` (TLS) URL, with the password either in the
// URL or, so that it stays out of shell history and process lists, in FOLIO_REDIS_PASSWORD. Every
// connection retries for ever (maxRetriesPerRequest: null, as BullMQ requires of workers), so a
// Redis restart mid-batch is a pause, not a failure.
import type { ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';

/** Every Folio key in Redis starts with this (BullMQ's key prefix). */
export const KEY_PREFIX = 'folio';
/** The queue's name when none is given (`--queue-name`). */
export const DEFAULT_QUEUE_NAME = 'extract';

export interface QueueTarget {
  /** redis://[user:password@]host:port/db or rediss://… */
  url: string;
  queueName: string;
}

/** Throws a plain sentence for a URL that is not redis:// or rediss://. */
export function redisOptionsFor(url: string, env: NodeJS.ProcessEnv = process.env): RedisOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`not a Redis URL: ${url}`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(
      `the queue URL must start with redis:// or rediss://, got ${parsed.protocol}//`,
    );
  }
  const db = parsed.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d+$/.test(db)) throw new Error(`not a Redis database number: ${db}`);
  const password = parsed.password ? decodeURIComponent(parsed.password) : env.FOLIO_REDIS_PASSWORD;
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    db: db === '' ? 0 : Number(db),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(password ? { password } : {}),
    // rediss:// is TLS with the system's trust store; servername from the host, as a browser does.
    ...(parsed.protocol === 'rediss:' ? { tls: { servername: parsed.hostname } } : {}),
    maxRetriesPerRequest: null,
    // Reconnect quickly at first, then every 2 s: a restarted Redis is back within seconds.
    retryStrategy: (times) => Math.min(100 * times, 2000),
  };
}

/** The same options typed as BullMQ takes them (its own declaration of ioredis's options). */
export function bullConnection(
  url: string,
  env: NodeJS.ProcessEnv = process.env,
): ConnectionOptions {
  return redisOptionsFor(url, env) as ConnectionOptions;
}

export function connect(url: string, env: NodeJS.ProcessEnv = process.env): Redis {
  return new Redis(redisOptionsFor(url, env));
}

/** The URL with any password replaced by ***, for messages and logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}

/**
 * Fails in plain words when Redis cannot be reached now (one try, 10 s): a coordinator should not
 * hash a whole data room and then wait for ever on a mistyped URL. Later outages are retried.
 */
export async function assertReachable(url: string, env: NodeJS.ProcessEnv = process.env) {
  const client = new Redis({
    ...redisOptionsFor(url, env),
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    connectTimeout: 10_000,
    lazyConnect: true,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Redis at ${redactedUrl(url)} cannot be reached (${reason}).`);
  } finally {
    client.disconnect();
  }
}
