// Placeholder: the extension lands with the extension issue.
export function activate(): void {}
export function deactivate(): void {}
