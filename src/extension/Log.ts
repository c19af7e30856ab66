// The extension's log: a LogOutputChannel the user opens when they want it (never shown unasked).
import * as vscode from 'vscode';

export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('Folio', { log: true });
}
