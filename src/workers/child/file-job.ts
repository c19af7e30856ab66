// One file's handle on the scheduler: all its tasks (a probe, attempts, page ranges) share its
// priority, its time limits and its clock, and what they start and report reaches the parent
// once per attempt and at most ten progress updates a second.
import type { DocumentKind } from '../../shared/model';
import type { ChildToParent } from '../../shared/protocol';
import type { OutputTarget, ProbeResult, ProgressUpdate, ResultFor } from '../thread/task-types';
import { FileClock } from './file-clock';
import type { TaskInput } from './piscina-runner';
import type { Scheduler, SubmitOptions, TaskOutcome } from './scheduler';

export type ExtractInput = Extract<TaskInput, { type: 'extract' }>;
export type ProbeInput = Extract<TaskInput, { type: 'probe' }>;
/** A whole file: the thread writes the result itself. */
export type WholeFileTask = ExtractInput & { write: OutputTarget };
/** One page range: the thread returns the raw document. */
export type RangeTask = Omit<ExtractInput, 'write'>;

export type FileKind = DocumentKind | 'unknown';

export interface FileJobSpec {
  batchId: string;
  rel: string;
  kind: FileKind;
  /** The file's estimated cost: higher starts first. */
  priority: number;
  /** Runs alone: the file was in flight when the child died before. */
  exclusive: boolean;
  /** MB each of its extraction tasks may hold at its peak (task-footprint.ts). */
  footprintMb?: number;
  /** Of that, the OCR heap for its largest page of `ocrPixels` (a warm engine holds it). */
  ocrHeapMb?: number;
  ocrPixels?: number;
  noProgressMs: number;
  totalCapMs: number;
  emit(message: ChildToParent): void;
}

const PROGRESS_THROTTLE_MS = 100;
const PROBE_FOOTPRINT_MB = 40;

export class FileJob {
  /** Runs while one of the file's tasks runs (queue time is not the file's time). */
  readonly clock = new FileClock();
  private announced = 0;
  private lastProgressAt = 0;

  constructor(
    private readonly spec: FileJobSpec,
    private readonly scheduler: Scheduler,
  ) {}

  get kind(): FileKind {
    return this.spec.kind;
  }

  get exclusive(): boolean {
    return this.spec.exclusive;
  }

  /** The highest attempt that has started (0 before any). */
  get attempts(): number {
    return this.announced;
  }

  /** Submits attempt number `attempt` of an extract task (whole file or page range). */
  attempt<T extends ExtractInput | RangeTask>(
    task: T,
    attempt: number,
  ): Promise<TaskOutcome<ResultFor<T>>> {
    return this.scheduler.submit<T>(task, {
      ...this.limits(this.spec.priority),
      exclusive: this.spec.exclusive,
      footprintMb: this.spec.footprintMb,
      ocrHeapMb: this.spec.ocrHeapMb,
      ocrPixels: this.spec.ocrPixels,
      onStart: () => this.announce(attempt),
      onProgress: (update) => this.progress(update),
    });
  }

  /** Tells the admission trace what the file is doing off the pool (estimating, merging). */
  phase(name: string): void {
    this.scheduler.trace.event('phase', { file: this.spec.rel, phase: name });
  }

  /** Submits a probe, just ahead of the file's own work. */
  probe(task: ProbeInput): Promise<TaskOutcome<ProbeResult>> {
    // A probe opens the document and reads text on a few pages; it decodes no scan.
    return this.scheduler.submit(task, {
      ...this.limits(this.spec.priority + 1),
      footprintMb: PROBE_FOOTPRINT_MB,
    });
  }

  private limits(priority: number): SubmitOptions {
    return {
      priority,
      noProgressMs: this.spec.noProgressMs,
      fileClock: this.clock,
      totalCapMs: this.spec.totalCapMs,
      label: this.spec.rel,
    };
  }

  private announce(attempt: number): void {
    // Page ranges start the same attempt several times: announce each attempt once.
    if (attempt <= this.announced) return;
    this.announced = attempt;
    this.spec.emit({
      type: 'fileStarted',
      batchId: this.spec.batchId,
      path: this.spec.rel,
      attempt,
    });
  }

  private progress(update: ProgressUpdate): void {
    const now = Date.now();
    if (update.page === undefined) return;
    const final = update.pages !== undefined && update.page >= update.pages;
    if (!final && now - this.lastProgressAt < PROGRESS_THROTTLE_MS) return;
    this.lastProgressAt = now;
    this.spec.emit({
      type: 'progress',
      batchId: this.spec.batchId,
      path: this.spec.rel,
      page: update.page,
      pages: update.pages ?? 0,
    });
  }
}
