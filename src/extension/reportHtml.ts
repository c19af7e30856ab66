// The run report as one self-contained HTML page for a webview: strict CSP with a nonce, theme
// colours through VS Code's CSS variables, a sortable table and an inline-SVG chart of throughput
// and memory over the run. No external script, style or font. Pure (no vscode import).
import type { FileReport, RunReport, RunTotals, StatsSample } from '../shared/report';
import { countsLine, rateLine } from '../shared/run-summary';
import { duplicateDescription } from './resultDuplicates';
import { untranslated, type Translate } from './translate';

export interface ReportPageOptions {
  nonce: string;
  /** `webview.cspSource`. */
  cspSource: string;
  t?: Translate;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CHART_W = 640;
const CHART_H = 180;
const PAD = 36;

function polyline(
  samples: StatsSample[],
  value: (s: StatsSample) => number,
  maxT: number,
  maxV: number,
): string {
  return samples
    .map((s) => {
      const x = PAD + (maxT > 0 ? (s.t / maxT) * (CHART_W - 2 * PAD) : 0);
      const y = CHART_H - PAD + -(maxV > 0 ? (value(s) / maxV) * (CHART_H - 2 * PAD) : 0);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** Throughput (files/min, left axis) and memory (MB, right axis) against time. */
export function timelineSvg(
  timeline: StatsSample[] | undefined,
  t: Translate = untranslated,
): string {
  if (!timeline || timeline.length < 2) {
    return `<p class="muted">${escapeHtml(t('No timeline was recorded for this run.'))}</p>`;
  }
  const maxT = Math.max(...timeline.map((s) => s.t));
  const maxFpm = Math.max(1, ...timeline.map((s) => s.filesPerMin));
  const maxMb = Math.max(1, ...timeline.map((s) => s.rssMb));
  const bottom = CHART_H - PAD;
  return [
    `<svg class="chart" viewBox="0 0 ${CHART_W} ${CHART_H}" role="img" aria-label="${escapeHtml(t('Throughput and memory over the run'))}">`,
    `<line class="axis" x1="${PAD}" y1="${bottom}" x2="${CHART_W - PAD}" y2="${bottom}"/>`,
    `<line class="axis" x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${bottom}"/>`,
    `<line class="axis" x1="${CHART_W - PAD}" y1="${PAD}" x2="${CHART_W - PAD}" y2="${bottom}"/>`,
    `<polyline class="throughput" points="${polyline(timeline, (s) => s.filesPerMin, maxT, maxFpm)}"/>`,
    `<polyline class="memory" points="${polyline(timeline, (s) => s.rssMb, maxT, maxMb)}"/>`,
    // The axis top is the fastest moment, not the run's rate (the cards): labelled as a peak.
    `<text class="label throughput-label" x="${PAD}" y="${PAD - 8}">${escapeHtml(t('peak {0} files/min', Math.round(maxFpm)))}</text>`,
    `<text class="label memory-label" x="${CHART_W - PAD}" y="${PAD - 8}" text-anchor="end">${escapeHtml(t('{0} MB', Math.round(maxMb)))}</text>`,
    `<text class="label" x="${CHART_W - PAD}" y="${CHART_H - 8}" text-anchor="end">${escapeHtml(t('{0} s', (maxT / 1000).toFixed(1)))}</text>`,
    `<text class="label" x="${PAD}" y="${CHART_H - 8}">0</text>`,
    '</svg>',
  ].join('');
}

function cell(value: string | number | undefined, sortKey?: string | number): string {
  const text = value === undefined ? '–' : String(value);
  const key = sortKey ?? value ?? '';
  return `<td data-sort="${escapeHtml(String(key))}">${escapeHtml(text)}</td>`;
}

/** `ok · duplicate of a.pdf`: the row says what the Results tree says of its duplicates. */
function statusText(f: FileReport): string {
  const status = f.code ? `${f.status} (${f.code})` : f.status;
  const duplicates = duplicateDescription({ file: f, copies: [] });
  return duplicates ? `${status} · ${duplicates}` : status;
}

function fileRow(f: FileReport): string {
  const confidence = f.ocrConfidence === undefined ? undefined : `${Math.round(f.ocrConfidence)}%`;
  return [
    `<tr class="status-${escapeHtml(f.status)}">`,
    cell(f.path),
    cell(statusText(f), f.status),
    cell(f.kind),
    cell(f.pages, f.pages ?? -1),
    cell(confidence, f.ocrConfidence ?? -1),
    cell(`${(f.ms / 1000).toFixed(2)} s${f.cached ? ' ⟲' : ''}`, f.ms),
    '</tr>',
  ].join('');
}

/**
 * The cards: the CLI's figures (run-summary.ts). The rate counts only the files extracted in the
 * run; when the cache gave them all there is no rate, and the card says so as the CLI does.
 */
export function totalsCards(
  totals: RunTotals,
  t: Translate = untranslated,
): [string, string | number][] {
  const cached = totals.cached ?? 0;
  const extracted = totals.files - totals.skipped - cached;
  const cards: [string, string | number][] = [
    [t('Files'), totals.files],
    [t('OK'), totals.ok],
    [t('Partial'), totals.partial],
    [t('Failed'), totals.failed],
    [t('Skipped'), totals.skipped],
  ];
  if (totals.cancelled) cards.push([t('Cancelled'), totals.cancelled]);
  if (cached > 0) cards.push([t('From the cache'), cached]);
  cards.push(
    [t('Wall time'), `${(totals.wallMs / 1000).toFixed(1)} s`],
    extracted <= 0 && cached > 0
      ? [t('Files/min extracted'), t('all {0} from the cache', cached)]
      : [t('Files/min extracted'), totals.filesPerMin],
    [t('Peak memory'), `${Math.round(totals.peakRssMb)} MB`],
  );
  return cards;
}

export function renderReportHtml(report: RunReport, opts: ReportPageOptions): string {
  const t = opts.t ?? untranslated;
  const { totals } = report;
  const nonce = escapeHtml(opts.nonce);
  const headers = [t('File'), t('Status'), t('Kind'), t('Pages'), t('OCR confidence'), t('Time')];
  const totalsItems = totalsCards(totals, t);
  if (report.workers !== undefined) totalsItems.push([t('Workers'), report.workers]);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${escapeHtml(opts.cspSource)}; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(t('Folio run report'))}</title>
<style nonce="${nonce}">
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
h1 { font-size: 1.4em; font-weight: 600; }
.muted { color: var(--vscode-descriptionForeground); }
dl.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 8px; }
dl.totals div { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); padding: 6px 8px; }
dl.totals dt { color: var(--vscode-descriptionForeground); }
dl.totals dd { margin: 0; font-size: 1.3em; }
table { border-collapse: collapse; width: 100%; margin-top: 12px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
th { cursor: pointer; user-select: none; color: var(--vscode-foreground); }
th[aria-sort="ascending"]::after { content: " ▲"; }
th[aria-sort="descending"]::after { content: " ▼"; }
tr.status-failed td:nth-child(2) { color: var(--vscode-errorForeground); }
tr.status-partial td:nth-child(2) { color: var(--vscode-editorWarning-foreground); }
.chart { width: 100%; max-width: 720px; height: auto; }
.chart .axis { stroke: var(--vscode-descriptionForeground); stroke-width: 1; }
.chart polyline { fill: none; stroke-width: 2; }
.chart .throughput { stroke: var(--vscode-charts-blue); }
.chart .memory { stroke: var(--vscode-charts-orange); }
.chart .label { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.chart .throughput-label { fill: var(--vscode-charts-blue); }
.chart .memory-label { fill: var(--vscode-charts-orange); }
.legend span { margin-right: 16px; }
.legend .throughput { color: var(--vscode-charts-blue); }
.legend .memory { color: var(--vscode-charts-orange); }
</style>
</head>
<body>
<h1>${escapeHtml(t('Folio run report'))}</h1>
<p class="muted">${escapeHtml(report.input)} · ${escapeHtml(report.startedAt)} → ${escapeHtml(report.finishedAt)}</p>
<p class="summary">${escapeHtml(countsLine(totals))}; ${escapeHtml(rateLine(totals))}</p>
<dl class="totals">${totalsItems.map(([k, v]) => `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(String(v))}</dd></div>`).join('')}</dl>
<h2>${escapeHtml(t('Throughput and memory'))}</h2>
<p class="legend"><span class="throughput">━ ${escapeHtml(t('files/min extracted'))}</span><span class="memory">━ ${escapeHtml(t('memory (MB)'))}</span></p>
${timelineSvg(report.timeline, t)}
<h2>${escapeHtml(t('Files'))}</h2>
<table id="files">
<thead><tr>${headers.map((h, i) => `<th data-col="${i}" scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${report.files.map(fileRow).join('\n')}</tbody>
</table>
<script nonce="${nonce}">
(function () {
  const table = document.getElementById('files');
  const body = table.tBodies[0];
  table.tHead.addEventListener('click', function (event) {
    const th = event.target.closest('th');
    if (!th) return;
    const col = Number(th.dataset.col);
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const other of table.tHead.querySelectorAll('th')) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      const x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
      const nx = Number(x), ny = Number(y);
      const cmp = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
      return ascending ? cmp : -cmp;
    });
    for (const row of rows) body.appendChild(row);
  });
})();
</script>
</body>
</html>`;
}
