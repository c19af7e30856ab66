// The warning that labels a sheet's hidden rows and columns, as hidden sheets are labelled: the
// content is in the output, and the reviewer is told what Excel would not have shown them.
import { columnLetters } from '../../../shared/a1';
import type { ExtractionWarning } from '../../../shared/model';
import type { HiddenWithText } from './sheet-table';

const LISTED = 20;

/** Consecutive numbers as runs: [3, 4, 5, 9] → ['3–5', '9']. */
export function runs(numbers: readonly number[], name: (n: number) => string = String): string[] {
  const out: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && (numbers[j + 1] as number) === (numbers[j] as number) + 1) j++;
    const from = numbers[i] as number;
    const to = numbers[j] as number;
    out.push(from === to ? name(from) : `${name(from)}–${name(to)}`);
    i = j + 1;
  }
  return out;
}

function listed(label: string, items: string[]): string {
  const more = items.length > LISTED ? ` and ${items.length - LISTED} more` : '';
  return `${label} ${items.slice(0, LISTED).join(', ')}${more}`;
}

export function hiddenCellsWarning(
  sheet: string,
  hidden: HiddenWithText,
): ExtractionWarning | undefined {
  const parts: string[] = [];
  if (hidden.rows.length > 0)
    parts.push(listed(hidden.rows.length === 1 ? 'row' : 'rows', runs(hidden.rows)));
  if (hidden.columns.length > 0)
    parts.push(
      listed(
        hidden.columns.length === 1 ? 'column' : 'columns',
        runs(hidden.columns, columnLetters),
      ),
    );
  if (parts.length === 0) return undefined;
  const its = hidden.rows.length + hidden.columns.length === 1 ? 'its' : 'their';
  return {
    code: 'HIDDEN_CELLS',
    message: `Sheet "${sheet}" has hidden ${parts.join(' and ')}; ${its} content is included and labelled hidden.`,
    lossy: false,
    sheet,
  };
}
