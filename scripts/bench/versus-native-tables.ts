// Tables of the Folio-vs-native comparison, for the console and for Markdown.
import { round } from './stats';
import type { Cell } from './table';
import type { CorpusSummary, KindAccuracyPair, Spread } from './versus-native';

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
