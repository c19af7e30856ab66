// "Folio: Search Extracted Text" (also the Search view's title action): asks for the words, runs
// the search in the child process over every folder of the last run (in the extension's cache and,
// when the queue is set up, the shared folder's, where queued runs are indexed), and shows the hits in the
// Search view. Filters by kind and status are kept between searches ("Search Filters…"). Tests
// pass `{ query, kinds?, statuses? }` to skip the input box.
import * as vscode from 'vscode';
import type { SearchKind, SearchOptions, SearchResult } from '../../shared/search';
import type { RunStore } from '../RunStore';
import type { RunnerHost } from '../RunnerHost';
import type { SearchView } from '../SearchView';
import { mergeSearchResults } from '../mergeSearchResults';
import type { Command } from './CommandManager';

export interface SearchArgs {
  query: string;
  kinds?: SearchKind[];
  statuses?: ('ok' | 'partial')[];
}

export interface SearchFilters {
  kinds?: SearchKind[];
  statuses?: ('ok' | 'partial')[];
}

export class SearchTextCommand implements Command {
  readonly id = 'folio.searchText';
  private lastQuery = '';
  /** Shared with "Search Filters…". */
  readonly filters: SearchFilters = {};

  constructor(
    private readonly deps: {
      runner: Pick<RunnerHost, 'search'>;
      store: RunStore;
      view: SearchView;
      /** Every cache folder whose index may hold the last runs' files (a queued run's too). */
      cacheDirs: () => string[];
    },
  ) {}

  async execute(args?: unknown): Promise<SearchResult | undefined> {
    const given = args as Partial<SearchArgs> | undefined;
    const query =
      typeof given?.query === 'string'
        ? given.query
        : await vscode.window.showInputBox({
            title: vscode.l10n.t('Search Extracted Text'),
            value: this.lastQuery,
            prompt: vscode.l10n.t(
              'Words, "a phrase", a prefix* or an amount, date or reference (41,228.23, INV-2024-4788)',
            ),
            placeHolder: vscode.l10n.t('Search the text of every extracted file'),
          });
    if (!query?.trim()) return undefined;
    this.lastQuery = query;
    if (this.deps.store.lastRuns.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Nothing extracted yet: run "Folio: Extract Folder" first.'),
      );
      return undefined;
    }
    const kinds = given?.kinds ?? this.filters.kinds;
    const statuses = given?.statuses ?? this.filters.statuses;
    const limit = 500;
    const options: Omit<SearchOptions, 'cacheDir'> = {
      inputs: this.deps.store.lastRuns.map((r) => r.input),
      limit,
      ...(kinds?.length ? { kinds } : {}),
      ...(statuses?.length ? { statuses } : {}),
    };
    const cacheDirs = [...new Set(this.deps.cacheDirs())];
    try {
      const result = await vscode.window.withProgress(
        { location: { viewId: 'folio.search' }, title: vscode.l10n.t('Searching…') },
        async () =>
          mergeSearchResults(
            query,
            await Promise.all(
              cacheDirs.map((cacheDir) => this.deps.runner.search(query, { ...options, cacheDir })),
            ),
            limit,
          ),
      );
      const filterText = [...(kinds ?? []), ...(statuses ?? [])].join(', ');
      this.deps.view.show(result, filterText ? ` (${filterText})` : '');
      await vscode.commands.executeCommand('folio.search.focus');
      return result;
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Folio could not search: {0}',
          error instanceof Error ? error.message : String(error),
        ),
      );
      return undefined;
    }
  }
}
