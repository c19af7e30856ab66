// What the CLI prints: one line per finished file and a summary. Pure string builders.
import type { FileReport, RunReport } from '../shared/report';
import { countsLine, rateLine } from '../shared/run-summary';
import { escapeControl } from './terminal-text';

const STATUS_WIDTH = 8;

export function fileLine(report: FileReport): string {
  // File names and messages come from the evidence: never let them drive the terminal.
  const parts = [report.status.padEnd(STATUS_WIDTH), escapeControl(report.path)];
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
  if (report.duplicateOf !== undefined) {
    facts.push(`duplicate of ${escapeControl(report.duplicateOf)}`);
  }
  parts.push(`(${facts.join(', ')})`);
  if (report.code) parts.push(escapeControl(`${report.code}: ${report.message ?? ''}`.trim()));
  return parts.join('  ');
}

export function summaryLines(report: RunReport, outDir: string, reportPath?: string): string[] {
  const t = report.totals;
  const lines = [
    countsLine(t),
    `${rateLine(t)}, peak RSS ${t.peakRssMb} MB (process tree), ${report.workers ?? '?'} workers`,
    `outputs: ${outDir}`,
  ];
  if (reportPath) lines.push(`report: ${reportPath}`);
  return lines;
}
