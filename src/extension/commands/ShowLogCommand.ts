// "Folio: Show Log": the only way the log channel is shown.
import type { Log } from '../Log';
import type { Command } from './CommandManager';

export class ShowLogCommand implements Command {
  readonly id = 'folio.showLog';

  constructor(private readonly log: Log) {}

  execute(): void {
    this.log.show(true);
  }
}
