// Proves the no-network preload itself works, so that "zero attempts recorded" in the privacy
// test means something: in a main thread, a worker thread and a forked child process, every
// network entry point throws and is recorded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { noNetworkEnv, readNetworkLog } from './support/network-log';

const work = mkdtempSync(path.join(tmpdir(), 'folio-nonet-'));
after(() => rmSync(work, { recursive: true, force: true }));

// Each probe calls one entry point and prints whether it threw/rejected with the preload's code.
const probeScript = `
const probes = {
  'net.connect': () => require('node:net').connect(80, 'example.com'),
  'net.Socket.connect': () => new (require('node:net').Socket)().connect(80, 'example.com'),
  'tls.connect': () => require('node:tls').connect(443, 'example.com'),
  'http.get': () => require('node:http').get('http://example.com/'),
  'https.request': () => require('node:https').request('https://example.com/'),
  'http2.connect': () => require('node:http2').connect('https://example.com'),
  'dns.lookup': () => require('node:dns').lookup('example.com', () => {}),
  'dns.promises.resolve4': () => require('node:dns').promises.resolve4('example.com'),
  'fetch': () => fetch('https://example.com/'),
  'WebSocket': () => new WebSocket('wss://example.com/'),
  'dgram.createSocket': () => require('node:dgram').createSocket('udp4'),
};
async function run() {
  const blocked = [];
  for (const [name, probe] of Object.entries(probes)) {
    try { await probe(); } catch (e) { if (e && e.code === 'ERR_FOLIO_NETWORK_BLOCKED') blocked.push(name); }
  }
  return blocked;
}
async function esmNamedImport() {
  const { request } = await import('node:http');
  try { request('http://example.com/'); } catch (e) { return e.code === 'ERR_FOLIO_NETWORK_BLOCKED'; }
  return false;
}
const { Worker, isMainThread, parentPort } = require('node:worker_threads');
const { fork } = require('node:child_process');
if (!isMainThread) {
  run().then((b) => parentPort.postMessage(b));
} else if (process.argv[2] === 'child') {
  run().then((b) => { process.send(b); });
} else {
  (async () => {
    const main = await run();
    const esm = await esmNamedImport();
    const worker = await new Promise((resolve) => {
      new Worker(__filename, { execArgv: [] }).once('message', resolve);
    });
    const child = await new Promise((resolve) => {
      const c = fork(__filename, ['child']);
      c.once('message', (m) => { resolve(m); c.kill(); });
    });
    console.log(JSON.stringify({ main, esm, worker, child, count: Object.keys(probes).length }));
  })();
}
`;

test('every network entry point throws and is recorded in main, worker and child', () => {
  const script = path.join(work, 'probe.cjs');
  writeFileSync(script, probeScript);
  const log = path.join(work, 'net.log');
  const result = spawnSync(process.execPath, [script], {
    env: noNetworkEnv(log),
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 0, result.stderr);
  const out = JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as {
    main: string[];
    esm: boolean;
    worker: string[];
    child: string[];
    count: number;
  };
  assert.equal(out.main.length, out.count, `main thread blocked only ${out.main.join(', ')}`);
  assert.equal(out.worker.length, out.count, `worker blocked only ${out.worker.join(', ')}`);
  assert.equal(out.child.length, out.count, `child blocked only ${out.child.join(', ')}`);
  assert.equal(out.esm, true, 'ESM named import of node:http was not patched');

  const entries = readNetworkLog(log);
  const loadedIn = new Set(entries.loaded.map((e) => `${e.pid}/${e.threadId}`));
  assert.equal(loadedIn.size, 3, 'preload should load in the main thread, a worker and a child');
  // Every probe in all three places, plus the ESM probe in main.
  assert.ok(entries.attempts.length >= out.count * 3 + 1, `${entries.attempts.length} recorded`);
  assert.ok(entries.attempts.some((a) => a.api === 'fetch' && a.target.includes('example.com')));
});

test('without the preload nothing is recorded (the log reflects the preload, not the probe)', () => {
  const log = path.join(work, 'none.log');
  const result = spawnSync(process.execPath, ['-e', 'void 0'], {
    env: { ...process.env, FOLIO_NET_LOG: log, NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0);
  assert.deepEqual(readNetworkLog(log), { loaded: [], attempts: [] });
});
