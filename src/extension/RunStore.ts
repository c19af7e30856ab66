// The last run's results (per folder), kept in the extension's storage so `folio:` documents and
// the report survive a window reload. Holds report entries and output paths, never the text.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileReport } from '../shared/report';
import {
  mergeRuns,
  outputPathOf,
  sourcePathOf,
  type FolderLocation,
  type FolderRun,
} from './mergeRuns';

export interface StoredFile {
  folder: FolderLocation;
  file: FileReport;
  sourcePath: string;
  outputPath?: string;
}

export class RunStore implements vscode.Disposable {
  private runs: FolderRun[] = [];
  private bySource = new Map<string, StoredFile>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    try {
      this.setRuns(JSON.parse(await fs.readFile(this.file, 'utf8')) as FolderRun[]);
    } catch {
      this.setRuns([]);
    }
  }

  async save(runs: FolderRun[]): Promise<void> {
    this.setRuns(runs);
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(runs));
    await fs.rename(tmp, this.file);
  }

  async clear(): Promise<void> {
    this.setRuns([]);
    await fs.rm(this.file, { force: true });
  }

  /** Records one finished file while a batch is still running, so its document can be opened. */
  recordFile(folder: FolderLocation, file: FileReport): StoredFile {
    const entry = this.entryFor(folder, file);
    this.bySource.set(entry.sourcePath, entry);
    return entry;
  }

  get lastRuns(): readonly FolderRun[] {
    return this.runs;
  }

  mergedReport() {
    return mergeRuns(this.runs);
  }

  files(): StoredFile[] {
    return this.runs.flatMap((run) => run.report.files.map((file) => this.entryFor(run, file)));
  }

  find(sourcePath: string): StoredFile | undefined {
    return this.bySource.get(sourcePath);
  }

  private entryFor(folder: FolderLocation, file: FileReport): StoredFile {
    return {
      folder,
      file,
      sourcePath: sourcePathOf(folder, file),
      outputPath: outputPathOf(folder, file),
    };
  }

  private setRuns(runs: FolderRun[]): void {
    this.runs = runs;
    this.bySource = new Map(this.files().map((e) => [e.sourcePath, e]));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
