// "Filter Results…": which states the Results tree shows (failed, partial, warnings, ok,
// skipped), and whether only files with duplicates; none or all picked shows everything. Tests
// pass the choices to skip the pick.
import * as vscode from 'vscode';
import {
  DUPLICATES_FILTER,
  isResultFilter,
  RESULT_FILTERS,
  type ResultFilter,
} from '../resultsTree';
import type { ResultsView } from '../ResultsView';
import type { Command } from './CommandManager';

export class FilterResultsCommand implements Command {
  readonly id = 'folio.filterResults';

  constructor(private readonly view: ResultsView) {}

  async execute(states?: unknown): Promise<readonly ResultFilter[] | undefined> {
    if (Array.isArray(states)) {
      const picked = states.filter(isResultFilter);
      this.view.setFilter(picked);
      return picked;
    }
    const shown = this.view.shownStates;
    const items = RESULT_FILTERS.map((state) => ({
      label: state,
      picked: shown ? shown.has(state) : false,
      ...(state === DUPLICATES_FILTER
        ? { description: vscode.l10n.t('exact and near-duplicates, both ends of each pair') }
        : {}),
    }));
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      placeHolder: vscode.l10n.t('Show only files that are… (none: all files)'),
    });
    if (!picked) return undefined;
    const chosen = picked.map((p) => p.label);
    this.view.setFilter(chosen);
    return chosen;
  }
}
