// "Filter Results…": which states the Results tree shows (failed, partial, warnings, ok,
// skipped); none or all picked shows everything. Tests pass the states to skip the pick.
import * as vscode from 'vscode';
import { RESULT_STATES, type ResultState } from '../resultsTree';
import type { ResultsView } from '../ResultsView';
import type { Command } from './CommandManager';

export class FilterResultsCommand implements Command {
  readonly id = 'folio.filterResults';

  constructor(private readonly view: ResultsView) {}

  async execute(states?: unknown): Promise<readonly ResultState[] | undefined> {
    if (Array.isArray(states)) {
      const picked = states.filter((s): s is ResultState => RESULT_STATES.includes(s));
      this.view.setFilter(picked);
      return picked;
    }
    const shown = this.view.shownStates;
    const items = RESULT_STATES.map((state) => ({
      label: state,
      picked: shown ? shown.has(state) : false,
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
