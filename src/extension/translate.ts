// Pure modules take the translator as a parameter so they run (and are unit-tested) in plain Node;
// the extension passes `vscode.l10n.t`.
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** Fills `{0}`, `{1}`… like `vscode.l10n.t`, without translating. */
export const untranslated: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
