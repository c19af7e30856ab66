// The Results view's "Show All" title action, shown while a filter is on.
import type { ResultsView } from '../ResultsView';
import type { Command } from './CommandManager';

export class ClearResultsFilterCommand implements Command {
  readonly id = 'folio.clearResultsFilter';

  constructor(private readonly view: ResultsView) {}

  execute(): void {
    this.view.setFilter(undefined);
  }
}
