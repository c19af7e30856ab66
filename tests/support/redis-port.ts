// What every place that starts its own redis-server needs (the queue tests, the queue bench, the
// VS Code queue suite): a free port on 127.0.0.1, and a wait until the server answers there.
// Node built-ins only, so the integration suite's bundle can take it too.
import { spawnSync } from 'node:child_process';
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `redis-cli ping` on `port` (with `auth`: -a, --tls options) answers PONG. */
export async function redisAnswers(port: number, timeoutMs = 10_000, auth: string[] = []) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = spawnSync('redis-cli', ['-p', String(port), ...auth, 'ping'], { encoding: 'utf8' });
    if (ok.stdout?.trim() === 'PONG') return;
    if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
