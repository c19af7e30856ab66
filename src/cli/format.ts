// What the CLI prints: one line per finished file and a summary. Pure string builders.
import type { FileReport, RunReport } from '../shared/report';

const STATUS_WIDTH = 8;

export function fileLine(report: FileReport): string {
  const parts = [report.status.padEnd(STATUS_WIDTH), report.path];
  const facts: string[] = [];
  if (report.pages !== undefined) facts.push(`${report.pages} p`);
  if (report.ocrPages) {
    const confidence =
      report.ocrConfidence !== undefined ? ` ${Math.round(report.ocrConfidence)}%` : '';
    facts.push(`OCR ${report.ocrPages} p${confidence}`);
  }
  facts.push(report.cached ? 'cached' : `${report.ms} ms`);
  if (report.attempts !== undefined && report.attempts > 1)
    facts.push(`${report.attempts} attempts`);
  parts.push(`(${facts.join(', ')})`);
  if (report.code) parts.push(`${report.code}: ${report.message ?? ''}`.trim());
  return parts.join('  ');
}

export function summaryLines(report: RunReport, outDir: string, reportPath?: string): string[] {
  const t = report.totals;
  const lines = [
    `${t.files} files: ${t.ok} ok, ${t.partial} partial, ${t.failed} failed, ${t.skipped} skipped`,
    `${(t.wallMs / 1000).toFixed(1)} s, ${t.filesPerMin} files/min, peak RSS ${t.peakRssMb} MB (process tree), ${report.workers ?? '?'} workers`,
    `outputs: ${outDir}`,
  ];
  const cached = report.files.filter((f) => f.cached).length;
  if (cached > 0) lines.splice(1, 0, `${cached} from cache`);
  if (reportPath) lines.push(`report: ${reportPath}`);
  return lines;
}
