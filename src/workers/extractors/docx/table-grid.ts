// A row that starts late on the table grid (w:gridBefore: Word leaves the first columns of that
// row empty) loses the gap in mammoth, which shifts every cell of the row left into the wrong
// column, and breaks vertical merges that count columns. Empty cells put the gap back.

/** The row properties holding a gridBefore; bounded, so an unclosed w:trPr costs little. */
const GRID_BEFORE =
  /<w:trPr>((?:(?!<\/w:trPr>)[\s\S]){0,4000}?<w:gridBefore\b[^>]*\bw:val="(\d+)"[^>]*\/>(?:(?!<\/w:trPr>)[\s\S]){0,4000}?)<\/w:trPr>/g;

/** A DOCX grid has at most 63 columns. */
const MAX_GRID_COLUMNS = 63;

const EMPTY_CELL = '<w:tc><w:p/></w:tc>';

export function fillGridBefore(xml: string): string {
  return xml.replace(GRID_BEFORE, (whole, _props: string, count: string) => {
    const cells = Math.min(Number(count), MAX_GRID_COLUMNS);
    return `${whole}${EMPTY_CELL.repeat(cells)}`;
  });
}
