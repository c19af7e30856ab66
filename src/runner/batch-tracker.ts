// The parent's record of one batch, kept outside the child so it survives the child's death:
// which files were planned, which are done (with their report entries), which were in flight, and
// how often each file was in flight when the child died. Pure bookkeeping, no I/O.
import path from 'node:path';
import type { FileReport } from '../shared/report';
import { kindFromName } from '../shared/formats';
import { countsForRate, failedOutcome, fileReport } from '../shared/report-builder';

/** A file in flight when the child died this many times is reported CHILD_CRASH, not retried. */
export const CHILD_CRASH_LIMIT = 2;

export class BatchTracker {
  planned: string[] | undefined;
  readonly reports = new Map<string, FileReport>();
  readonly inFlight = new Set<string>();
  /** Absolute path → times the child died with this file in flight. */
  readonly crashCounts: Record<string, number> = {};

  constructor(readonly input: string) {}

  /** Records the first plan; a resumed child re-plans a subset, which changes nothing here. */
  plannedFiles(files: string[]): void {
    this.planned ??= files;
  }

  started(rel: string): void {
    if (!this.reports.has(rel)) this.inFlight.add(rel);
  }

  /** Files done that a files/min rate counts (countsForRate), as the final report counts them. */
  rateCount = 0;

  /** Returns false for a duplicate (the first report of a file wins). */
  done(report: FileReport): boolean {
    this.inFlight.delete(report.path);
    if (this.reports.has(report.path)) return false;
    this.reports.set(report.path, report);
    if (countsForRate(report)) this.rateCount++;
    return true;
  }

  /**
   * Takes the duplicate relations the child found once every file was done (fileDone went out
   * before they were known) into the report already held.
   */
  relate(report: FileReport): void {
    const held = this.reports.get(report.path);
    if (!held) return;
    // The child's final word on exact duplicates (walk order) is the report's, both ways.
    if (report.duplicateOf !== undefined) held.duplicateOf = report.duplicateOf;
    else delete held.duplicateOf;
    if (report.nearDuplicates) held.nearDuplicates = report.nearDuplicates;
  }

  absolute(rel: string): string {
    return path.join(this.input, ...rel.split('/'));
  }

  /**
   * The child died: every file in flight gets one more strike, and those at the limit are
   * reported CHILD_CRASH. Returns the new reports.
   */
  childDied(): FileReport[] {
    const added: FileReport[] = [];
    for (const rel of this.inFlight) {
      const abs = this.absolute(rel);
      const strikes = (this.crashCounts[abs] ?? 0) + 1;
      this.crashCounts[abs] = strikes;
      if (strikes >= CHILD_CRASH_LIMIT) {
        const report = fileReport(
          rel,
          failedOutcome(
            'CHILD_CRASH',
            'This file made the extraction process crash twice; it was skipped so the batch could go on.',
            kindFromName(rel),
          ),
          { ms: 0, attempts: strikes },
        );
        this.reports.set(rel, report);
        this.rateCount++;
        added.push(report);
      }
    }
    this.inFlight.clear();
    return added;
  }

  /** Planned files without a report, as absolute paths (what a resumed child must do). */
  remaining(): string[] {
    return (this.planned ?? [])
      .filter((rel) => !this.reports.has(rel))
      .map((rel) => this.absolute(rel));
  }

  /** Marks every planned file without a report as skipped/CANCELLED and returns those reports. */
  cancelRemaining(): FileReport[] {
    const added: FileReport[] = [];
    for (const rel of this.planned ?? []) {
      if (this.reports.has(rel)) continue;
      const report = fileReport(
        rel,
        failedOutcome(
          'CANCELLED',
          'The batch was cancelled before this file finished.',
          kindFromName(rel),
          'skipped',
        ),
        { ms: 0 },
      );
      this.reports.set(rel, report);
      added.push(report);
    }
    this.inFlight.clear();
    return added;
  }
}
