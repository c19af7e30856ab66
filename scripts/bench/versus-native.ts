// Pure arithmetic of the Folio-vs-native-tools comparison: which kind of document each file is,
// time per page or per file of each side, their ratio, the spread of the ratio over repeats, and
// the word recall/precision of each side as the shared scorer computed it.
import path from 'node:path';
import type { FileReport, RunReport } from '../../src/shared/report';
import { workKindOf } from './analyze-report';
import { percentile } from './stats';

export type CompareKind = 'pdf-text' | 'pdf-scanned' | 'image' | 'docx' | 'xlsx' | 'bad-input';

export const COMPARE_KINDS: CompareKind[] = [
  'pdf-text',
  'pdf-scanned',
  'image',
  'docx',
  'xlsx',
  'bad-input',
];

/** OCR and PDF cost grows with pages; DOCX and XLSX have no pages worth the name. */
export const UNIT: Record<CompareKind, 'page' | 'file'> = {
  'pdf-text': 'page',
  'pdf-scanned': 'page',
  image: 'page',
  docx: 'file',
  xlsx: 'file',
  'bad-input': 'file',
};

const FROM_MANIFEST: Record<string, CompareKind> = {
  'pdf-text': 'pdf-text',
  'pdf-scanned': 'pdf-scanned',
  image: 'image',
  docx: 'docx',
  xlsx: 'xlsx',
  encrypted: 'bad-input',
  corrupt: 'bad-input',
  empty: 'bad-input',
  bad: 'bad-input',
};

const FROM_WORK_KIND: Record<string, CompareKind> = {
  'pdf-text': 'pdf-text',
  'pdf-ocr': 'pdf-scanned',
  'image-ocr': 'image',
  docx: 'docx',
  xlsx: 'xlsx',
  failed: 'bad-input',
};

/**
 * A file's kind is a property of the document, the same for both sides: the corpus manifest's
 * type when it has one (by relative path or file name), else what Folio made of it. Unsupported
 * files (skipped by both) are not compared.
 */
export function compareKindOf(
  rel: string,
  manifestTypes: ReadonlyMap<string, string>,
  folioFile?: FileReport,
): CompareKind | undefined {
  const type = manifestTypes.get(rel) ?? manifestTypes.get(path.basename(rel));
  if (type !== undefined && FROM_MANIFEST[type]) return FROM_MANIFEST[type];
  if (!folioFile || folioFile.code === 'UNSUPPORTED_TYPE') return undefined;
  return FROM_WORK_KIND[workKindOf(folioFile)];
}

export interface KindComparison {
  kind: CompareKind;
  unit: 'page' | 'file';
  files: number;
  /** Pages (for page kinds: Folio's page count, else the native one, else 1) or files. */
  units: number;
  folioMs: number;
  nativeMs: number;
  folioSecPerUnit: number;
  nativeSecPerUnit: number;
  /** Folio time ÷ native time over the same files: above 1, Folio is slower. */
  ratio: number;
}

/** Ratio a/b, NaN when b is 0 (nothing to compare with) rather than Infinity. */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Number.NaN;
}

/**
 * Per-kind time of each side over the same files. Both sides ran two files at a time, and the
 * per-file time is each report's own `ms` (Folio: on the pool thread; native: the tool chain's
 * wall), so the per-kind ratio compares like with like; start-up shows in the overall wall.
 */
export function compareByKind(
  folio: RunReport,
  native: RunReport,
  kindOf: (rel: string, folioFile?: FileReport) => CompareKind | undefined,
): KindComparison[] {
  const folioBy = new Map(folio.files.map((f) => [f.path, f]));
  const nativeBy = new Map(native.files.map((f) => [f.path, f]));
  const paths = [...new Set([...folioBy.keys(), ...nativeBy.keys()])];
  const acc = new Map<
    CompareKind,
    { files: number; units: number; folioMs: number; nativeMs: number }
  >();
  for (const rel of paths) {
    const f = folioBy.get(rel);
    const n = nativeBy.get(rel);
    const kind = kindOf(rel, f);
    if (kind === undefined) continue;
    const a = acc.get(kind) ?? { files: 0, units: 0, folioMs: 0, nativeMs: 0 };
    a.files += 1;
    a.units += UNIT[kind] === 'page' ? f?.pages || n?.pages || 1 : 1;
    a.folioMs += f?.ms ?? 0;
    a.nativeMs += n?.ms ?? 0;
    acc.set(kind, a);
  }
  return COMPARE_KINDS.filter((k) => acc.has(k)).map((kind) => {
    const a = acc.get(kind) as { files: number; units: number; folioMs: number; nativeMs: number };
    return {
      kind,
      unit: UNIT[kind],
      ...a,
      folioSecPerUnit: a.folioMs / 1000 / a.units,
      nativeSecPerUnit: a.nativeMs / 1000 / a.units,
      ratio: ratio(a.folioMs, a.nativeMs),
    };
  });
}

export interface OverallComparison {
  folioWallMs: number;
  nativeWallMs: number;
  /** Folio wall ÷ native wall. */
  timeRatio: number;
  /** Native wall ÷ Folio wall: the "0.20x" figure. */
  speedVsNative: number;
  folioPeakMb: number;
  nativePeakMb: number;
  memoryRatio: number;
  /**
   * CPU seconds (user + system) of each side's processes, when measured. On a shared machine the
   * wall of one side depends on what else ran meanwhile; the CPU it needed much less so.
   */
  folioCpuS?: number;
  nativeCpuS?: number;
  cpuRatio?: number;
}

export function compareOverall(
  folio: { wallMs: number; peakMb: number; cpuS?: number },
  native: { wallMs: number; peakMb: number; cpuS?: number },
): OverallComparison {
  return {
    folioWallMs: folio.wallMs,
    nativeWallMs: native.wallMs,
    timeRatio: ratio(folio.wallMs, native.wallMs),
    speedVsNative: ratio(native.wallMs, folio.wallMs),
    folioPeakMb: Math.round(folio.peakMb),
    nativePeakMb: Math.round(native.peakMb),
    memoryRatio: ratio(folio.peakMb, native.peakMb),
    ...(folio.cpuS !== undefined && native.cpuS !== undefined
      ? { folioCpuS: folio.cpuS, nativeCpuS: native.cpuS, cpuRatio: ratio(folio.cpuS, native.cpuS) }
      : {}),
  };
}

export interface Spread {
  n: number;
  min: number;
  median: number;
  max: number;
}

/** Min / median / max of the finite values (NaN fields when there are none). */
export function spread(values: readonly number[]): Spread {
  const v = values.filter(Number.isFinite);
  return {
    n: v.length,
    min: v.length ? Math.min(...v) : Number.NaN,
    median: percentile(v, 50),
    max: v.length ? Math.max(...v) : Number.NaN,
  };
}

/** The per-kind block of `score.mjs`'s summary line (one entry per manifest type). */
export interface ScoreKind {
  files: number;
  scored: number;
  recall: number;
  precision: number;
  cer: number | null;
  ok?: number;
  failed?: number;
}

export interface ScoreSummary {
  inputs: number;
  reported: number;
  missing: number;
  duplicates: number;
  statusWrong: number;
  perKind: Record<string, ScoreKind>;
}

export interface KindAccuracyPair {
  kind: CompareKind;
  scored: number;
  folio?: { recall: number; precision: number };
  native?: { recall: number; precision: number };
}

/**
 * Recall and precision of each side per compared kind. The scorer groups by manifest type; types
 * that fold into one kind (encrypted, corrupt, …) are averaged weighted by scored files.
 */
export function accuracyPairs(folio?: ScoreSummary, native?: ScoreSummary): KindAccuracyPair[] {
  const fold = (s: ScoreSummary | undefined, kind: CompareKind) => {
    if (!s) return undefined;
    const parts = Object.entries(s.perKind).filter(
      ([type, k]) => FROM_MANIFEST[type] === kind && k.scored > 0,
    );
    const scored = parts.reduce((n, [, k]) => n + k.scored, 0);
    if (scored === 0) return undefined;
    return {
      scored,
      recall: parts.reduce((x, [, k]) => x + k.recall * k.scored, 0) / scored,
      precision: parts.reduce((x, [, k]) => x + k.precision * k.scored, 0) / scored,
    };
  };
  const out: KindAccuracyPair[] = [];
  for (const kind of COMPARE_KINDS) {
    const f = fold(folio, kind);
    const n = fold(native, kind);
    if (!f && !n) continue;
    out.push({
      kind,
      scored: Math.max(f?.scored ?? 0, n?.scored ?? 0),
      ...(f ? { folio: { recall: f.recall, precision: f.precision } } : {}),
      ...(n ? { native: { recall: n.recall, precision: n.precision } } : {}),
    });
  }
  return out;
}

/** One Folio run and one native run over the same input, taken back to back. */
export interface PairResult {
  repeat: number;
  order: 'folio-first' | 'native-first';
  kinds: KindComparison[];
  overall: OverallComparison;
  accuracy: KindAccuracyPair[];
  /** Folio's pool threads and the native jobs (both 2 unless told otherwise). */
  folioWorkers?: number;
  nativeJobs?: number;
  folioStatuses: Record<string, number>;
  nativeStatuses: Record<string, number>;
  /** Per compared file (absent in results saved before it was added). */
  files?: FileRow[];
}

export interface FileSide {
  status: FileReport['status'];
  code?: string;
  ms: number;
  pages?: number;
  ocrPages?: number;
}

export interface FileRow {
  path: string;
  kind: CompareKind;
  folio?: FileSide;
  native?: FileSide;
}

const side = (f: FileReport | undefined): FileSide | undefined =>
  f && {
    status: f.status,
    ms: f.ms,
    ...(f.code ? { code: f.code } : {}),
    ...(f.pages !== undefined ? { pages: f.pages } : {}),
    ...(f.ocrPages !== undefined ? { ocrPages: f.ocrPages } : {}),
  };

/** Both sides of every compared file, in path order: where the time goes, and what failed. */
export function fileRows(
  folio: RunReport,
  native: RunReport,
  kindOf: (rel: string, folioFile?: FileReport) => CompareKind | undefined,
): FileRow[] {
  const folioBy = new Map(folio.files.map((f) => [f.path, f]));
  const nativeBy = new Map(native.files.map((f) => [f.path, f]));
  const rows: FileRow[] = [];
  for (const rel of [...new Set([...folioBy.keys(), ...nativeBy.keys()])].sort()) {
    const kind = kindOf(rel, folioBy.get(rel));
    if (kind === undefined) continue;
    const f = side(folioBy.get(rel));
    const n = side(nativeBy.get(rel));
    rows.push({ path: rel, kind, ...(f ? { folio: f } : {}), ...(n ? { native: n } : {}) });
  }
  return rows;
}

/** The files on which Folio spends the most time beyond the native tools', biggest first. */
export function biggestGaps(rows: readonly FileRow[], count = 10): FileRow[] {
  const gap = (r: FileRow) => (r.folio?.ms ?? 0) - (r.native?.ms ?? 0);
  return [...rows].sort((a, b) => gap(b) - gap(a)).slice(0, count);
}

export interface KindSummary {
  kind: CompareKind;
  unit: 'page' | 'file';
  files: number;
  units: number;
  folioSecPerUnit: Spread;
  nativeSecPerUnit: Spread;
  ratio: Spread;
}

export interface CorpusSummary {
  kinds: KindSummary[];
  timeRatio: Spread;
  speedVsNative: Spread;
  folioWallS: Spread;
  nativeWallS: Spread;
  /**
   * Σ per-file time ÷ (parallel slots × wall): how much of the batch the per-kind figures cover.
   * Folio's per-file clock runs from a file's first task (a PDF can be several page-range tasks)
   * to its last, so files' times can overlap (share above 1); the whole-batch wall and CPU have
   * no such caveat.
   */
  folioBusyShare: Spread;
  nativeBusyShare: Spread;
  folioPeakMb: Spread;
  nativePeakMb: Spread;
  memoryRatio: Spread;
  folioCpuS: Spread;
  nativeCpuS: Spread;
  cpuRatio: Spread;
  /** From the first repeat: extraction is deterministic, so repeats only re-measure time. */
  accuracy: KindAccuracyPair[];
}

export function busyShare(kindMs: number, slots: number, wallMs: number): number {
  return ratio(kindMs, slots * wallMs);
}

export function summarizeRepeats(pairs: readonly PairResult[], defaultSlots = 2): CorpusSummary {
  const kinds: KindSummary[] = [];
  for (const kind of COMPARE_KINDS) {
    const rows = pairs.flatMap((p) => p.kinds.filter((k) => k.kind === kind));
    if (rows.length === 0) continue;
    kinds.push({
      kind,
      unit: UNIT[kind],
      files: rows[0].files,
      units: rows[0].units,
      folioSecPerUnit: spread(rows.map((r) => r.folioSecPerUnit)),
      nativeSecPerUnit: spread(rows.map((r) => r.nativeSecPerUnit)),
      ratio: spread(rows.map((r) => r.ratio)),
    });
  }
  const over = (pick: (o: OverallComparison) => number) =>
    spread(pairs.map((p) => pick(p.overall)));
  return {
    kinds,
    timeRatio: over((o) => o.timeRatio),
    speedVsNative: over((o) => o.speedVsNative),
    folioWallS: over((o) => o.folioWallMs / 1000),
    nativeWallS: over((o) => o.nativeWallMs / 1000),
    folioPeakMb: over((o) => o.folioPeakMb),
    nativePeakMb: over((o) => o.nativePeakMb),
    memoryRatio: over((o) => o.memoryRatio),
    folioCpuS: over((o) => o.folioCpuS ?? Number.NaN),
    nativeCpuS: over((o) => o.nativeCpuS ?? Number.NaN),
    cpuRatio: over((o) => o.cpuRatio ?? Number.NaN),
    folioBusyShare: spread(
      pairs.map((p) =>
        busyShare(
          p.kinds.reduce((n, k) => n + k.folioMs, 0),
          p.folioWorkers ?? defaultSlots,
          p.overall.folioWallMs,
        ),
      ),
    ),
    nativeBusyShare: spread(
      pairs.map((p) =>
        busyShare(
          p.kinds.reduce((n, k) => n + k.nativeMs, 0),
          p.nativeJobs ?? defaultSlots,
          p.overall.nativeWallMs,
        ),
      ),
    ),
    accuracy: pairs[0]?.accuracy ?? [],
  };
}
