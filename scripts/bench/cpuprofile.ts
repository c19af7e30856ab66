// Summarizes V8 .cpuprofile files (one per thread, from `node --cpu-prof`): self and total time
// per function with file:line (mapped back to src/ through the bundles' source maps), time per
// category of work, and CPU versus wall time per thread (CPU-bound or waiting).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapCache } from './source-map';

export interface CallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  /** 0-based. */
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  /** Microseconds. */
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export type Category =
  | 'PDF parse'
  | 'PDF render'
  | 'OCR'
  | 'DOCX'
  | 'XLSX'
  | 'normalization'
  | 'I/O'
  | 'IPC'
  | 'module loading'
  | 'GC'
  | 'other';

export interface FunctionTime {
  name: string;
  /** `file:line`, mapped to src/ where a source map exists. */
  location: string;
  category: Category;
  selfMs: number;
  totalMs: number;
}

export interface ThreadSummary {
  file: string;
  pid: number;
  threadId: number;
  wallMs: number;
  /** Sampled time not spent idle: on the CPU (JS, native, GC). */
  cpuMs: number;
  idleMs: number;
}

export interface ProfileSummary {
  threads: ThreadSummary[];
  functions: FunctionTime[];
  categories: Record<Category, number>;
}

const IDLE = '(idle)';

/** pid and thread id from Node's default profile name: CPU.<date>.<time>.<pid>.<tid>.<seq>.cpuprofile */
export function threadOfProfileName(file: string): { pid: number; threadId: number } {
  const m = /CPU\.\d+\.\d+\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(path.basename(file));
  return m ? { pid: Number(m[1]), threadId: Number(m[2]) } : { pid: 0, threadId: 0 };
}

function scriptPath(url: string): string {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url);
    } catch {
      return url;
    }
  }
  return url;
}

/** Decides what kind of work a frame is doing, from where its code lives. */
export function categorize(frame: CallFrame, source: string): Category {
  const name = frame.functionName;
  if (name === '(garbage collector)') return 'GC';
  const where = `${source} ${frame.url}`;
  // Compiling and linking modules: paid again by every new thread (start-up, recycled threads).
  if (/node:internal\/(modules|bootstrap)|cjs-module-lexer/.test(where)) return 'module loading';
  if (/pdfjs-dist\/.*pdf\.worker/.test(where)) return 'PDF parse';
  if (/pdfjs-dist|@napi-rs\/canvas/.test(where)) return 'PDF render';
  if (/tesseract|wasm:\/\/|utif2|src\/workers\/(ocr|extractors\/image)\//.test(where)) return 'OCR';
  if (/mammoth|htmlparser2|@xmldom|jszip|src\/workers\/extractors\/docx\//.test(where))
    return 'DOCX';
  if (/exceljs|saxes|unzipper|src\/workers\/extractors\/xlsx\//.test(where)) return 'XLSX';
  if (/src\/workers\/extractors\/pdf\//.test(where)) return 'PDF parse';
  if (/src\/workers\/(normalize|render)\//.test(where)) return 'normalization';
  if (
    /piscina|node:internal\/(child_process|worker|per_context\/messageport)|src\/workers\/(pool|client)\/|src\/shared\/protocol|v8\.|serdes/.test(
      where,
    )
  )
    return 'IPC';
  if (
    /node:internal\/(fs|streams|zlib|crypto|url)|node:fs|node:zlib|yauzl|src\/workers\/batch\//.test(
      where,
    )
  )
    return 'I/O';
  return 'other';
}

interface Resolved {
  key: string;
  name: string;
  location: string;
  category: Category;
}

export function summarizeProfiles(
  profiles: { file: string; profile: CpuProfile }[],
  projectRoot: string,
): ProfileSummary {
  const maps = new SourceMapCache(projectRoot);
  const byKey = new Map<string, FunctionTime>();
  const categories = Object.fromEntries(
    (
      [
        'PDF parse',
        'PDF render',
        'OCR',
        'DOCX',
        'XLSX',
        'normalization',
        'I/O',
        'IPC',
        'module loading',
        'GC',
        'other',
      ] as Category[]
    ).map((c) => [c, 0]),
  ) as Record<Category, number>;
  const threads: ThreadSummary[] = [];

  const resolve = (frame: CallFrame): Resolved => {
    const file = scriptPath(frame.url);
    let source = file.startsWith('/') ? path.relative(projectRoot, file) : file;
    let line = frame.lineNumber + 1;
    if (file.startsWith('/')) {
      const original = maps.forFile(file)?.lookup(frame.lineNumber, frame.columnNumber);
      if (original) {
        source = original.source;
        line = original.line;
      }
    }
    source = source.replace(/^(\.\.\/)*node_modules\//, '');
    const name = frame.functionName || '(anonymous)';
    const location = source ? `${source}:${line}` : '(native)';
    return { key: `${name}@${location}`, name, location, category: categorize(frame, source) };
  };

  for (const { file, profile } of profiles) {
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const resolved = new Map<number, Resolved>();
    const resolvedOf = (id: number): Resolved => {
      let r = resolved.get(id);
      if (!r) {
        r = resolve((nodes.get(id) as CpuProfileNode).callFrame);
        resolved.set(id, r);
      }
      return r;
    };
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    let idleUs = 0;
    let sampledUs = 0;
    for (let i = 0; i < samples.length; i++) {
      // timeDeltas[i] is the time before sample i; the next delta is how long sample i lasted.
      const us = Math.max(0, deltas[i + 1] ?? 0);
      sampledUs += us;
      const leaf = nodes.get(samples[i]);
      if (!leaf) continue;
      if (leaf.callFrame.functionName === IDLE) {
        idleUs += us;
        continue;
      }
      const leafInfo = resolvedOf(leaf.id);
      categories[leafInfo.category] += us / 1000;
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const frame = (nodes.get(id) as CpuProfileNode).callFrame;
        if (frame.functionName === '(root)') break;
        const info = resolvedOf(id);
        if (seen.has(info.key)) continue; // recursion counts once toward total time
        seen.add(info.key);
        let entry = byKey.get(info.key);
        if (!entry) {
          entry = {
            name: info.name,
            location: info.location,
            category: info.category,
            selfMs: 0,
            totalMs: 0,
          };
          byKey.set(info.key, entry);
        }
        entry.totalMs += us / 1000;
        if (id === leaf.id) entry.selfMs += us / 1000;
      }
    }
    const wallUs = profile.endTime - profile.startTime;
    threads.push({
      file: path.basename(file),
      ...threadOfProfileName(file),
      wallMs: wallUs / 1000,
      cpuMs: (sampledUs - idleUs) / 1000,
      idleMs: idleUs / 1000,
    });
  }
  return { threads, functions: [...byKey.values()], categories };
}

export function loadProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

/** Functions that are bookkeeping rather than work, left out of the top lists. */
const PSEUDO = new Set(['(program)', '(garbage collector)', '(idle)', '(root)']);

export function topFunctions(
  summary: ProfileSummary,
  by: 'selfMs' | 'totalMs',
  n = 10,
): FunctionTime[] {
  return (
    summary.functions
      .filter((f) => !PSEUDO.has(f.name) || by === 'selfMs')
      // Entry points (Node's bootstrap, the worker's message loop) trivially top the total-time list.
      .filter((f) => by === 'selfMs' || !/^(\(native\)|node:|\[worker eval\])/.test(f.location))
      .sort((a, b) => b[by] - a[by])
      .slice(0, n)
  );
}
