// One small class per command (as in VS Code's markdown extension); the manager registers them
// and owns the registrations.
import * as vscode from 'vscode';

export interface Command {
  readonly id: string;
  execute(...args: unknown[]): unknown;
}

export class CommandManager implements vscode.Disposable {
  private readonly registrations = new Map<string, vscode.Disposable>();

  register<T extends Command>(command: T): T {
    this.registrations.get(command.id)?.dispose();
    this.registrations.set(
      command.id,
      vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)),
    );
    return command;
  }

  dispose(): void {
    for (const registration of this.registrations.values()) registration.dispose();
    this.registrations.clear();
  }
}
