// Markdown for a person to read: file title and a compact summary, then the body in order, with
// `<!-- page N -->` markers where pages begin, sheets as `## Sheet: Name (A1:F9)` headings, and
// tables as GitHub tables. Document headings are shifted one level down so the file name is the
// only level-1 heading.
import type { Block, ExtractedDocument, PageQuality } from '../../shared/model';
import { renderFrontMatter } from './markdown-front';
import { escapeHeading, escapeInline, escapeTextLine } from './markdown-escape';
import { renderTable } from './markdown-table';
import { continuationNote, rowsWithSpans } from './table-spans';

export interface MarkdownOptions {
  /** Title line and summary block at the top (default true); false renders the body only. */
  frontMatter?: boolean;
}

function pageMarker(page: number, quality: PageQuality | undefined, ocr: boolean): string {
  if (!(quality?.ocr ?? ocr)) return `<!-- page ${page} -->`;
  const confidence =
    quality?.confidence === undefined ? '' : `, confidence ${Math.round(quality.confidence)}%`;
  return `<!-- page ${page} (OCR${confidence}) -->`;
}

// Bullet glyphs a source may use; they all become Markdown's `-`.
const BULLET = /^[-*+•◦▪▫‣⁃∙·○●■□➢►✓✔–—]$/u;

/**
 * The Markdown marker for a list item. The source's own numbering is kept: `3.` or `3)` is a valid
 * Markdown marker; any other marker (`(a)`, `iv.`, `§`) is kept as a label after a `-` bullet.
 */
function listMarker(
  block: Extract<Block, { type: 'listItem' }>,
  n: number,
): { marker: string; label?: string } {
  const own = block.marker?.trim();
  if (own && /^\d{1,9}[.)]$/.test(own)) return { marker: own };
  if (own && !BULLET.test(own)) return { marker: '-', label: own };
  return { marker: block.ordered ? `${n}.` : '-' };
}

/** Keeps list numbering and indentation across consecutive list items. */
class ListState {
  private indents: number[] = [0];
  private counters: number[] = [];
  /** The first item's depth: a list that starts indented (a PDF's) is measured from it. */
  private base: number | undefined;

  reset(): void {
    this.indents = [0];
    this.counters = [];
    this.base = undefined;
  }

  render(block: Extract<Block, { type: 'listItem' }>): string {
    this.base ??= block.depth;
    // A depth deeper than the previous item + 1 is clamped: Markdown cannot skip a level.
    const depth = Math.max(0, Math.min(block.depth - this.base, this.indents.length - 1));
    this.indents.length = depth + 1;
    this.counters.length = depth + 1;
    const indent = this.indents[depth]!;
    const n = (this.counters[depth] ?? 0) + 1;
    this.counters[depth] = n;
    const { marker, label } = listMarker(block, n);
    this.indents[depth + 1] = indent + marker.length + 1;
    const pad = ' '.repeat(indent);
    // Every line is escaped at its start too: a first line like "- x" would nest another list.
    const lines = block.text.split('\n').map(escapeTextLine);
    if (label) lines[0] = `${escapeInline(label)} ${lines[0]}`;
    const continuation = '\n' + ' '.repeat(indent + marker.length + 1);
    return `${pad}${marker} ${lines.join(continuation)}`;
  }
}

function sheetHeading(block: Extract<Block, { type: 'sheet' }>): string {
  const range = block.range ? ` (${block.range})` : '';
  const hidden = block.hidden ? ' (hidden)' : '';
  return `## Sheet: ${escapeHeading(block.name)}${range}${hidden}`;
}

/** Renders one non-list block, or undefined when it has nothing to show. */
function renderBlock(block: Block): string | undefined {
  switch (block.type) {
    case 'heading': {
      const text = escapeHeading(block.text.trim());
      return text ? `${'#'.repeat(Math.min(6, block.level + 1))} ${text}` : undefined;
    }
    case 'paragraph': {
      const text = block.text.trim();
      return text ? text.split('\n').map(escapeTextLine).join('\n') : undefined;
    }
    case 'table': {
      const table = renderTable({
        rows: block.cells ? rowsWithSpans(block.rows, block.cells, block.headerRows) : block.rows,
        header: block.header,
        range: block.prov.range,
        ...(block.hiddenRows ? { hiddenRows: block.hiddenRows } : {}),
        ...(block.hiddenColumns ? { hiddenColumns: block.hiddenColumns } : {}),
      });
      const caption = block.caption?.trim() ? `_${escapeInline(block.caption.trim())}_` : '';
      const note = continuationNote(block);
      return [caption, table, note].filter((s) => s).join('\n\n') || undefined;
    }
    case 'sheet':
      return sheetHeading(block);
    default:
      return undefined;
  }
}

export function renderMarkdown(doc: ExtractedDocument, options: MarkdownOptions = {}): string {
  const perPage = new Map((doc.quality.perPage ?? []).map((q) => [q.page, q]));
  const chunks: string[] = [];
  if (options.frontMatter !== false) chunks.push(renderFrontMatter(doc));
  const list = new ListState();
  let listLines: string[] = [];
  let markedPage: number | undefined;

  const flushList = (): void => {
    if (listLines.length > 0) chunks.push(listLines.join('\n') + '\n');
    listLines = [];
    list.reset();
  };
  const markPage = (page: number, ocr: boolean): void => {
    flushList();
    chunks.push(pageMarker(page, perPage.get(page), ocr) + '\n');
    markedPage = page;
  };

  for (const block of doc.blocks) {
    if (block.type === 'pageBreak') {
      if (block.page !== markedPage) markPage(block.page, block.prov.ocr ?? false);
      continue;
    }
    const page = block.prov.page;
    if (page !== undefined && page !== markedPage) markPage(page, block.prov.ocr ?? false);
    if (block.type === 'listItem') {
      if (block.text.trim()) listLines.push(list.render({ ...block, text: block.text.trim() }));
      continue;
    }
    flushList();
    const rendered = renderBlock(block);
    if (rendered !== undefined) chunks.push(rendered + '\n');
  }
  flushList();
  return chunks.join('\n');
}
