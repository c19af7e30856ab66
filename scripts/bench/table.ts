// Prints rows as an aligned plain-text table (and as Markdown for docs/performance.md).

export type Cell = string | number | undefined;

function show(cell: Cell): string {
  if (cell === undefined) return '–';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '–';
    return Number.isInteger(cell) ? String(cell) : cell.toFixed(Math.abs(cell) < 10 ? 2 : 1);
  }
  return cell;
}

export function formatTable(header: string[], rows: Cell[][]): string {
  const text = [header, ...rows.map((r) => r.map(show))];
  const widths = header.map((_, i) => Math.max(...text.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(text[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...text.slice(1).map(line),
  ].join('\n');
}

export function markdownTable(header: string[], rows: Cell[][]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map((c) => esc(show(c))).join(' | ')} |`),
  ].join('\n');
}
