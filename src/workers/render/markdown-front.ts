// The top of a Markdown rendering: the file name as the title, then a compact block quote with
// what a reviewer checks first (kind, size, OCR quality, metadata, running headers, warnings).
import path from 'node:path';
import type { ExtractedDocument } from '../../shared/model';
import { escapeInline, escapeTextLine } from './markdown-escape';

const MAX_LISTED = 5;
const MAX_WARNINGS = 10;

const KIND_LABEL: Record<ExtractedDocument['source']['kind'], string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  xlsx: 'XLSX',
  image: 'Image',
};

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `2023-04-05T10:11:12.000Z` → `2023-04-05`: the day is what a reviewer needs. */
function day(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

function summaryLine(doc: ExtractedDocument): string {
  const { source, metadata, quality } = doc;
  const parts: string[] = [KIND_LABEL[source.kind]];
  if (source.kind === 'xlsx') {
    const sheets =
      metadata.sheetNames?.length ?? doc.blocks.filter((b) => b.type === 'sheet').length;
    const hidden = doc.blocks.filter((b) => b.type === 'sheet' && b.hidden).length;
    parts.push(plural(sheets, 'sheet') + (hidden > 0 ? ` (${hidden} hidden)` : ''));
  } else {
    const pages = metadata.pageCount ?? quality.pages;
    if (pages > 0) parts.push(plural(pages, source.kind === 'image' ? 'frame' : 'page'));
  }
  if (quality.ocrPages > 0) {
    let ocr = `OCR on ${plural(quality.ocrPages, 'page')}`;
    if (quality.ocrConfidence !== undefined) {
      ocr += `, mean confidence ${Math.round(quality.ocrConfidence)}%`;
    }
    const worst = quality.ocrWorstPage;
    if (worst && quality.ocrPages > 1) {
      ocr += `, lowest ${Math.round(worst.confidence)}% on page ${worst.page}`;
    }
    parts.push(ocr);
  }
  return parts.join(' · ');
}

function metadataLine(doc: ExtractedDocument): string | undefined {
  const m = doc.metadata;
  const parts: string[] = [];
  if (m.title) parts.push(`Title: ${m.title}`);
  if (m.author) parts.push(`Author: ${m.author}`);
  if (m.subject) parts.push(`Subject: ${m.subject}`);
  if (m.created) parts.push(`Created: ${day(m.created)}`);
  if (m.modified) parts.push(`Modified: ${day(m.modified)}`);
  return parts.length > 0 ? escapeInline(parts.join(' · ').replace(/\s+/g, ' ')) : undefined;
}

function listLine(label: string, items: readonly string[] | undefined): string | undefined {
  if (!items || items.length === 0) return undefined;
  // A lone page number ("#", "- # -") means nothing to a reader without saying so.
  const shown = items
    .slice(0, MAX_LISTED)
    .map((t) => `“${escapeInline(t)}”` + (/\p{L}/u.test(t) ? '' : ' (page numbers)'));
  const more = items.length > MAX_LISTED ? ` and ${items.length - MAX_LISTED} more` : '';
  return `${label}: ${shown.join(', ')}${more}`;
}

function warningLines(doc: ExtractedDocument): string[] {
  const lines = doc.warnings
    .slice(0, MAX_WARNINGS)
    .map((w) => `Warning (${w.code}): ${escapeInline(w.message.replace(/\s+/g, ' '))}`);
  const rest = doc.warnings.length - MAX_WARNINGS;
  if (rest > 0) lines.push(`… and ${plural(rest, 'more warning')} (see the JSON output)`);
  return lines;
}

/** Title and metadata block, as Markdown lines ending in a blank line. */
export function renderFrontMatter(doc: ExtractedDocument): string {
  const quoted = [
    summaryLine(doc),
    metadataLine(doc),
    listLine('Running headers (moved out of the text)', doc.metadata.runningHeaders),
    listLine('Running footers (moved out of the text)', doc.metadata.runningFooters),
    ...warningLines(doc),
  ].filter((l): l is string => l !== undefined);
  const name = path.basename(doc.source.path).replace(/\s+/g, ' ');
  const title = `# ${escapeTextLine(name)}`;
  return [title, '', quoted.map((l) => `> ${l}`).join('\n>\n'), ''].join('\n');
}

// The title line, then a block quote whose first line starts with the document kind.
const FRONT_MATTER = /^# [^\n]*\n\n> (?:PDF|DOCX|XLSX|Image)(?= · |\n)[^\n]*\n(?:>[^\n]*\n)*\n?/;

/**
 * Removes the title and summary block that `renderMarkdown` puts at the top, so Folio's output can
 * be compared with ground truth by its body alone. Text without that block is returned unchanged.
 */
export function stripFrontMatter(markdown: string): string {
  return markdown.replace(FRONT_MATTER, '');
}
