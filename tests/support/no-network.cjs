// A preload that makes every network entry point throw, for proving that Folio never phones home.
//
// Load it into a whole process tree with NODE_OPTIONS="--require /abs/path/no-network.cjs":
// forked child processes inherit NODE_OPTIONS, and Node 20 runs `--require` preloads in worker
// threads too (unlike `--import`, which it does not run there), so the CLI, its child process and
// every pool thread are covered. CommonJS on purpose for that reason.
//
// With FOLIO_NET_LOG=/abs/file set, every blocked attempt is appended to that file as a JSON line
// (`{"event":"attempt",...}`), and every process/thread that loaded the preload appends
// `{"event":"loaded",...}`, so a test in another process can check both that the guard was active
// everywhere and that nothing tried to connect. Appends are single small writes, so lines from
// concurrent processes do not interleave.
/* global require, URL */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, on purpose (see above) */
'use strict';

const fs = require('node:fs');
const { threadId } = require('node:worker_threads');

const logFile = process.env.FOLIO_NET_LOG;

function record(event, detail) {
  if (!logFile) return;
  const line = JSON.stringify({ event, pid: process.pid, threadId, ...detail }) + '\n';
  try {
    fs.appendFileSync(logFile, line);
  } catch {
    // The log is evidence for a test, never a reason to change the program's behaviour.
  }
}

function describeTarget(args) {
  const first = args[0];
  if (typeof first === 'string' || typeof first === 'number') return String(first);
  if (first instanceof URL) return first.href;
  if (first && typeof first === 'object') {
    const o = first;
    if (typeof o.url === 'string') return o.url;
    const host = o.host ?? o.hostname ?? o.path ?? '';
    return `${host}${o.port !== undefined ? ':' + o.port : ''}`;
  }
  return '';
}

function blockedError(api, target) {
  const error = new Error(`Network access blocked by no-network preload: ${api}(${target})`);
  error.code = 'ERR_FOLIO_NETWORK_BLOCKED';
  return error;
}

function blocker(api) {
  return function blocked(...args) {
    const target = describeTarget(args);
    const stack = (new Error().stack ?? '')
      .split('\n')
      .slice(2, 6)
      .map((s) => s.trim());
    record('attempt', { api, target, stack });
    throw blockedError(api, target);
  };
}

function asyncBlocker(api) {
  const sync = blocker(api);
  return function blocked(...args) {
    try {
      return sync(...args);
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

function replace(target, names, api, makeBlocker = blocker) {
  for (const name of names) {
    if (target && typeof target[name] === 'function') {
      target[name] = makeBlocker(`${api}.${name}`);
    }
  }
}

const net = require('node:net');
replace(net, ['connect', 'createConnection', 'createServer'], 'net');
replace(net.Socket.prototype, ['connect'], 'net.Socket.prototype');

const tls = require('node:tls');
replace(tls, ['connect', 'createServer'], 'tls');

for (const name of ['http', 'https']) {
  const mod = require(`node:${name}`);
  replace(mod, ['request', 'get', 'createServer'], name);
  if (mod.Agent) replace(mod.Agent.prototype, ['createConnection'], `${name}.Agent.prototype`);
}

const http2 = require('node:http2');
replace(http2, ['connect', 'createServer', 'createSecureServer'], 'http2');

const dgram = require('node:dgram');
replace(dgram, ['createSocket'], 'dgram');

const dnsMethods = [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];
const dns = require('node:dns');
replace(dns, dnsMethods, 'dns');
replace(dns.Resolver && dns.Resolver.prototype, dnsMethods, 'dns.Resolver.prototype');
replace(dns.promises, dnsMethods, 'dns.promises', asyncBlocker);
replace(
  dns.promises.Resolver && dns.promises.Resolver.prototype,
  dnsMethods,
  'dns.promises.Resolver.prototype',
  asyncBlocker,
);

// fetch and WebSocket are globals backed by undici, which keeps its own references to sockets:
// replace the globals themselves.
globalThis.fetch = asyncBlocker('fetch');
for (const name of ['WebSocket', 'EventSource']) {
  const api = name;
  globalThis[name] = class Blocked {
    constructor(...args) {
      blocker(api)(...args);
    }
  };
}

// ESM named imports of builtins (`import { request } from 'node:http'`) see the patched functions
// only after this.
require('node:module').syncBuiltinESMExports();

record('loaded', { argv: process.argv.slice(1, 3) });
