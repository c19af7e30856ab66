// Whitespace: what a person would consider "the same text" regardless of how the extractor spaced
// it. Works line by line so line structure (needed later for de-hyphenation) is preserved.

/**
 * Collapses runs of horizontal whitespace to one character (a tab when the run contains a tab, so
 * tab-separated "label<TAB>value" text keeps its separator; otherwise a space), trims both ends of
 * every line, allows at most one blank line in a row, and trims blank lines at the start and end.
 */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[ \t]+/g, (run) => (run.includes('\t') ? '\t' : ' '))
    .replace(/ ?\n ?/g, '\n')
    .replace(/\t?\n\t?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^[\s]+|[\s]+$/g, '');
}
