// Where a reader puts what it reads: one callback per sheet row with its cells. Keeps the
// readers free of model concerns and lets the full and streaming paths share everything else.
import { folioError } from '../../../shared/errors';
import type { CellReading } from './cell-text';

export interface SheetRowSink {
  /** True when the sheet (by name, else by part path) is one the workbook lists. */
  accepts(sheet: SheetRef): boolean;
  /** One sheet row: its 1-based column numbers with what each cell shows and holds. */
  row(sheet: SheetRef, rowNumber: number, cells: Array<[number, CellReading]>): void;
  /** The cached error text (#N/A…) of a cell, for readers that lose it. */
  errorText(sheet: SheetRef, address: string): string | undefined;
}

export interface SheetRef {
  name: string | undefined;
  /** Zip path of the sheet part when the reader knows it. */
  path: string | undefined;
}

/** Calls `onProgress` every PROGRESS_EVERY rows and stops promptly when cancelled. */
export const PROGRESS_EVERY = 250;

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw folioError('CANCELLED', 'Extraction was cancelled.');
}
