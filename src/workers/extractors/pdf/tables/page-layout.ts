// A page's blocks with its tables in place. The tables are taken out of the main orientation
// group's items; the text left is laid out as before, in horizontal bands cut at each table's
// top, so every table comes after the text above it. A page without tables is laid out exactly
// as it would be without table detection.
import type { Block } from '../../../../shared/model';
import type { LayoutBlock } from '../paragraphs';
import type { OrientationGroup } from '../text-items';
import { layoutPage, type LayoutOptions } from '../text-layout';
import type { AlignedRow } from './alignment-grid';
import { detectTables } from './detect-tables';
import type { Segment } from './segments';
import { tableBlock } from './table-block';

export type PageBlock = LayoutBlock | Extract<Block, { type: 'table' }>;

/** `rows` are alignedRows of the main group's items, when the caller already has them. */
export function layoutPageWithTables(
  groups: readonly OrientationGroup[],
  segments: readonly Segment[] | null,
  options: LayoutOptions,
  page: number,
  rows?: readonly AlignedRow[],
): PageBlock[] {
  const main = groups.find((g) => g.angle === 0);
  if (!main || segments === null) return layoutPage(groups, options);
  const { tables, rest } = detectTables(main.items, segments, rows);
  if (tables.length === 0) return layoutPage(groups, options);
  const others = groups.filter((g) => g !== main);
  const blocks: PageBlock[] = [];
  let remaining = rest;
  for (const table of tables) {
    const above = remaining.filter((i) => i.y < table.box.y0);
    remaining = remaining.filter((i) => i.y >= table.box.y0);
    if (above.length > 0) blocks.push(...layoutPage([band(above)], options));
    blocks.push(tableBlock(table, page));
  }
  if (remaining.length > 0) blocks.push(...layoutPage([band(remaining)], options));
  if (others.length > 0) blocks.push(...layoutPage(others, options));
  return blocks;
}

function band(items: OrientationGroup['items']): OrientationGroup {
  return { angle: 0, items, chars: items.reduce((n, i) => n + i.text.length, 0) };
}
