// A click on a search hit: its text at the hit, the match selected and highlighted.
import type { SearchHitNode } from '../searchTree';
import type { SearchView } from '../SearchView';
import type { Command } from './CommandManager';

export class OpenSearchHitCommand implements Command {
  readonly id = 'folio.openSearchHit';

  constructor(private readonly view: SearchView) {}

  async execute(node?: unknown): Promise<void> {
    const hit = node as SearchHitNode | undefined;
    if (hit?.kind !== 'hit') return;
    await this.view.open(hit);
  }
}
