// The one character count behind every quality figure (per page, per document, the report's
// `chars`): the length of each block's text, table cell and caption, with nothing added for
// separators, so a PDF page, a DOCX body, a sheet and an OCR'd image are counted alike.
import type { Block } from './model';

/** Characters of text in one block (0 for page breaks and sheet headers). */
export function blockTextChars(block: Block): number {
  if (block.type === 'table') {
    let n = block.caption?.length ?? 0;
    for (const row of block.rows) for (const cell of row) n += cell.length;
    return n;
  }
  return 'text' in block ? block.text.length : 0;
}

/** Characters of text in a run of blocks. */
export function textChars(blocks: readonly Block[]): number {
  let n = 0;
  for (const block of blocks) n += blockTextChars(block);
  return n;
}
