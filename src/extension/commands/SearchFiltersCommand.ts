// "Search Filters…" (Search view title): which kinds of file and which statuses the next searches
// cover; the search is run again with them when there was one.
import * as vscode from 'vscode';
import type { SearchKind } from '../../shared/search';
import type { SearchView } from '../SearchView';
import type { Command } from './CommandManager';
import type { SearchTextCommand } from './SearchTextCommand';

type Choice = vscode.QuickPickItem & ({ fileKind: SearchKind } | { status: 'ok' | 'partial' });

export class SearchFiltersCommand implements Command {
  readonly id = 'folio.searchFilters';

  constructor(
    private readonly search: SearchTextCommand,
    private readonly view: SearchView,
  ) {}

  async execute(): Promise<void> {
    const { kinds = [], statuses = [] } = this.search.filters;
    const items: Choice[] = [
      { label: 'PDF', fileKind: 'pdf', picked: kinds.includes('pdf') },
      { label: 'Word', fileKind: 'docx', picked: kinds.includes('docx') },
      { label: 'Excel', fileKind: 'xlsx', picked: kinds.includes('xlsx') },
      { label: vscode.l10n.t('Images'), fileKind: 'image', picked: kinds.includes('image') },
      { label: 'ok', status: 'ok', picked: statuses.includes('ok') },
      { label: 'partial', status: 'partial', picked: statuses.includes('partial') },
    ];
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true,
      placeHolder: vscode.l10n.t('Search only these kinds and statuses (none: everything)'),
    });
    if (!picked) return;
    this.search.filters.kinds = picked.flatMap((p) => ('fileKind' in p ? [p.fileKind] : []));
    this.search.filters.statuses = picked.flatMap((p) => ('status' in p ? [p.status] : []));
    const query = this.view.lastResult?.query;
    if (query) await this.search.execute({ query });
  }
}
