// A run report around a list of file reports, totals counted from them, for the view tests.
import type { FileReport, RunReport } from '../../src/shared/report';

export function runReport(files: FileReport[], extra: Partial<RunReport> = {}): RunReport {
  return {
    tool: { name: 'folio', version: '0' },
    startedAt: '2026-01-01T00:00:00Z',
    finishedAt: '2026-01-01T00:01:00Z',
    input: '/in',
    totals: {
      files: files.length,
      ok: files.filter((f) => f.status === 'ok').length,
      partial: files.filter((f) => f.status === 'partial').length,
      failed: files.filter((f) => f.status === 'failed').length,
      skipped: files.filter((f) => f.status === 'skipped').length,
      wallMs: 60_000,
      filesPerMin: files.length,
      peakRssMb: 400,
    },
    files,
    ...extra,
  };
}
