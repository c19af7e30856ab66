// Tables of the Folio-vs-native comparison, for the console and for Markdown.
import { round } from './stats';
import type { Cell } from './table';
import {
  biggestGaps,
  type CorpusSummary,
  type FileRow,
  type FileSide,
  type KindAccuracyPair,
  type Spread,
} from './versus-native';

/** "median (min–max)", or just the value when every repeat gave the same (or there was one). */
export function showSpread(s: Spread, digits = 2, suffix = ''): string {
  if (s.n === 0) return '–';
  const f = (v: number) => `${round(v, digits)}${suffix}`;
  return s.n === 1 || s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

const pct = (v: number | undefined) => (v === undefined ? '–' : String(round(v * 100, 1)));

function pair(a: KindAccuracyPair | undefined, pick: 'recall' | 'precision'): string {
  if (!a) return '–';
  return `${pct(a.folio?.[pick])} / ${pct(a.native?.[pick])}`;
}

export function kindTable(summary: CorpusSummary): { header: string[]; rows: Cell[][] } {
  const header = [
    'kind',
    'unit',
    'files',
    'units',
    'Folio s/unit',
    'native s/unit',
    'Folio ÷ native time',
    'word recall % Folio / native',
    'precision % Folio / native',
    'scored',
  ];
  const rows = summary.kinds.map((k) => {
    const a = summary.accuracy.find((x) => x.kind === k.kind);
    return [
      k.kind,
      k.unit,
      k.files,
      k.units,
      showSpread(k.folioSecPerUnit, 3),
      showSpread(k.nativeSecPerUnit, 3),
      showSpread(k.ratio, 2, '×'),
      pair(a, 'recall'),
      pair(a, 'precision'),
      a?.scored,
    ];
  });
  return { header, rows };
}

export function overallTable(summary: CorpusSummary): { header: string[]; rows: Cell[][] } {
  return {
    header: ['whole batch', 'Folio', 'native', 'Folio ÷ native'],
    rows: [
      [
        'wall s',
        showSpread(summary.folioWallS, 1),
        showSpread(summary.nativeWallS, 1),
        showSpread(summary.timeRatio, 2, '×'),
      ],
      [
        'CPU s (user + system, all processes)',
        showSpread(summary.folioCpuS, 1),
        showSpread(summary.nativeCpuS, 1),
        showSpread(summary.cpuRatio, 2, '×'),
      ],
      [
        'peak RSS MB (process tree)',
        showSpread(summary.folioPeakMb, 0),
        showSpread(summary.nativePeakMb, 0),
        showSpread(summary.memoryRatio, 2, '×'),
      ],
      [
        'Σ per-file time ÷ (parallel slots × wall)',
        showSpread(summary.folioBusyShare, 2),
        showSpread(summary.nativeBusyShare, 2),
        undefined,
      ],
    ],
  };
}

const statusOf = (s: FileSide | undefined) =>
  s === undefined ? '–' : s.code ? `${s.status} ${s.code}` : s.status;

/** Files where Folio spends the most time beyond the native tools' (first repeat). */
export function gapTable(
  rows: readonly FileRow[],
  count = 10,
): { header: string[]; rows: Cell[][] } {
  return {
    header: [
      'file',
      'kind',
      'pages',
      'OCR pages Folio / native',
      'Folio s',
      'native s',
      'Folio status',
      'native status',
    ],
    rows: biggestGaps(rows, count).map((r) => [
      r.path,
      r.kind,
      r.folio?.pages ?? r.native?.pages,
      `${r.folio?.ocrPages ?? '–'} / ${r.native?.ocrPages ?? '–'}`,
      round((r.folio?.ms ?? 0) / 1000, 2),
      round((r.native?.ms ?? 0) / 1000, 2),
      statusOf(r.folio),
      statusOf(r.native),
    ]),
  };
}

/** Files that one side extracted and the other did not. */
export function statusDifferenceTable(rows: readonly FileRow[]): {
  header: string[];
  rows: Cell[][];
} {
  const good = (s: FileSide | undefined) => s?.status === 'ok' || s?.status === 'partial';
  return {
    header: ['file', 'kind', 'Folio status', 'native status'],
    rows: rows
      .filter((r) => good(r.folio) !== good(r.native))
      .map((r) => [r.path, r.kind, statusOf(r.folio), statusOf(r.native)]),
  };
}
