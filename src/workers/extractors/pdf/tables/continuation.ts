// A table that runs on over a page break is one table: when a page ends with a table and the
// next page starts with one of the same columns (same count, same left edges), the second is
// appended to the first, and the join is noted (`continuation`: the page and the first row of
// each later part) so the page break is not lost. A header repeated on the new page is kept:
// nothing the pages show is dropped.
import type { Block, PageBox, TableCell } from '../../../../shared/model';

type TableBlock = Extract<Block, { type: 'table' }>;

/** Short paragraphs (page numbers, running headers) may stand between the two parts. */
const MAX_BETWEEN_BLOCKS = 2;
const MAX_BETWEEN_CHARS = 80;
/** Column edges may differ by this much (points) or this share of the table's width. */
const EDGE_TOLERANCE = 6;
const EDGE_SHARE = 0.02;

function isTable(block: Block | undefined): block is TableBlock {
  return block?.type === 'table';
}

function trivial(block: Block): boolean {
  return (
    (block.type === 'paragraph' || block.type === 'heading') &&
    block.text.length <= MAX_BETWEEN_CHARS
  );
}

/** Left edge of each column, from cells that span one column; undefined where none does. */
export function columnStarts(cells: readonly TableCell[], cols: number): Array<number | undefined> {
  const starts: Array<number | undefined> = Array<number | undefined>(cols).fill(undefined);
  for (const cell of cells) {
    if (cell.colSpan !== 1 || cell.page !== undefined || cell.bbox === undefined) continue;
    const x = cell.bbox.x0;
    const current = starts[cell.col];
    starts[cell.col] = current === undefined ? x : Math.min(current, x);
  }
  return starts;
}

export function sameColumns(a: TableBlock, b: TableBlock): boolean {
  const cols = a.rows[0]?.length ?? 0;
  if (cols < 2 || cols !== (b.rows[0]?.length ?? 0) || !a.cells || !b.cells || !a.bbox || !b.bbox)
    return false;
  const width = Math.max(a.bbox.x1 - a.bbox.x0, b.bbox.x1 - b.bbox.x0);
  const tolerance = Math.max(EDGE_TOLERANCE, EDGE_SHARE * width);
  const sa = columnStarts(a.cells, cols);
  const sb = columnStarts(b.cells, cols);
  let compared = 0;
  for (let c = 0; c < cols; c++) {
    const x = sa[c];
    const y = sb[c];
    if (x === undefined || y === undefined) continue;
    if (Math.abs(x - y) > tolerance) return false;
    compared++;
  }
  return compared >= Math.min(2, cols) && Math.abs(a.bbox.x0 - b.bbox.x0) <= tolerance;
}

function append(into: TableBlock, part: TableBlock, page: number, bbox: PageBox): void {
  const offset = into.rows.length;
  into.rows.push(...part.rows);
  into.cells = [
    ...(into.cells ?? []),
    ...(part.cells ?? []).map((c) => ({ ...c, row: c.row + offset, page })),
  ];
  into.continuation = [...(into.continuation ?? []), { page, row: offset, bbox }];
}

/** The blocks with every table continued on the next page joined to its first part. */
export function joinContinuedTables(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let open: { table: TableBlock; page: number } | undefined;
  let between: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'pageBreak') {
      out.push(...between);
      between = [];
      out.push(block);
      continue;
    }
    const page = block.prov.page ?? 0;
    if (isTable(block) && open && page === open.page + 1 && sameColumns(open.table, block)) {
      // Trivial blocks before it on the new page (a running header) go after the joined table.
      append(open.table, block, page, block.bbox as PageBox);
      open = { table: open.table, page };
      continue;
    }
    if (open && page === open.page && trivial(block) && between.length < MAX_BETWEEN_BLOCKS) {
      between.push(block);
      continue;
    }
    if (open && page === open.page + 1 && trivial(block) && between.length < MAX_BETWEEN_BLOCKS) {
      between.push(block);
      continue;
    }
    out.push(...between);
    between = [];
    if (isTable(block) && block.bbox) {
      const copy: TableBlock = { ...block, rows: [...block.rows] };
      out.push(copy);
      open = { table: copy, page };
    } else {
      out.push(block);
      open = undefined;
    }
  }
  out.push(...between);
  return out;
}
