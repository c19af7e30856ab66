// Placeholder: the CLI lands with the engine issue.
console.log('folio: not built yet');
