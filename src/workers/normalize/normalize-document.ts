// Normalization of a whole document: the pure per-string functions applied to every text field,
// de-hyphenation with the document's own vocabulary, then running headers/footers moved from the
// body into metadata. Linear in the size of the document.
import type { Block, DocumentMetadata, ExtractedDocument } from '../../shared/model';
import { textChars } from '../../shared/text-chars';
import { cleanText } from './clean-text';
import { emptyOutputWarning } from './empty-output';
import {
  buildVocabulary,
  EMPTY_VOCABULARY,
  hasHyphenatedLineBreak,
  joinHyphenatedLineBreaks,
  type Vocabulary,
} from './dehyphenate';
import { joinLines, splitParagraphs } from './join-lines';
import { joinBrokenParagraphs } from './paragraph-continuation';
import { extractRunningText } from './running-headers';

function cleanBlock(block: Block): Block {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'listItem':
      return { ...block, text: cleanText(block.text) };
    case 'table':
      return {
        ...block,
        rows: block.rows.map((row) => row.map(cleanText)),
        ...(block.caption === undefined ? {} : { caption: cleanText(block.caption) }),
      };
    default:
      return block;
  }
}

function* textsOf(blocks: readonly Block[]): Generator<string> {
  for (const block of blocks) {
    if (block.type === 'table') {
      for (const row of block.rows) yield* row;
      if (block.caption) yield block.caption;
    } else if ('text' in block) yield block.text;
  }
}

/** One line of flowing text: broken words rejoined, then lines joined. */
function flow(text: string, vocab: Vocabulary): string {
  return joinLines(joinHyphenatedLineBreaks(text, vocab));
}

/** Block-level step: flows text, splits paragraphs at blank lines, drops blocks left empty. */
function reflowBlock(block: Block, vocab: Vocabulary): Block[] {
  switch (block.type) {
    case 'paragraph':
      return splitParagraphs(block.text).map((p) => ({ ...block, text: flow(p, vocab) }));
    case 'heading':
    case 'listItem': {
      const text = flow(block.text, vocab);
      return text ? [{ ...block, text }] : [];
    }
    case 'table': {
      // Cells keep their line breaks (a spreadsheet cell's lines are meaningful).
      const rows = block.rows.map((row) => row.map((c) => joinHyphenatedLineBreaks(c, vocab)));
      const caption = block.caption === undefined ? undefined : flow(block.caption, vocab);
      if (!rows.some((row) => row.some((c) => c.length > 0)) && !caption) return [];
      const { caption: _old, ...rest } = block;
      return [{ ...rest, rows, ...(caption ? { caption } : {}) }];
    }
    default:
      return [block];
  }
}

/** Title, author and subject get the same clean-up as body text (PDF metadata carries NULs). */
function cleanMetadata(metadata: DocumentMetadata): DocumentMetadata {
  const out: DocumentMetadata = { ...metadata };
  for (const key of ['title', 'author', 'subject'] as const) {
    const value = metadata[key];
    if (value === undefined) continue;
    const text = joinLines(cleanText(value));
    if (text) out[key] = text;
    else delete out[key];
  }
  return out;
}

function mergeUnique(existing: readonly string[] | undefined, found: readonly string[]): string[] {
  return [...new Set([...(existing ?? []), ...found])];
}

export function normalizeDocument(doc: ExtractedDocument): ExtractedDocument {
  const cleaned = doc.blocks.map(cleanBlock);
  // The vocabulary costs a pass over all text: only pay for it when a line ends in a hyphen.
  let needsVocabulary = false;
  for (const text of textsOf(cleaned)) if ((needsVocabulary = hasHyphenatedLineBreak(text))) break;
  const vocab = needsVocabulary ? buildVocabulary(textsOf(cleaned)) : EMPTY_VOCABULARY;
  const reflowed = cleaned.flatMap((block) => reflowBlock(block, vocab));
  const running = extractRunningText(reflowed);
  // After running text is gone, a paragraph split by a page break is adjacent to its other half.
  const blocks = joinBrokenParagraphs(running.blocks, vocab);
  const { headers, footers } = running;
  const metadata = cleanMetadata(doc.metadata);
  if (headers.length > 0 || doc.metadata.runningHeaders) {
    metadata.runningHeaders = mergeUnique(doc.metadata.runningHeaders, headers);
  }
  if (footers.length > 0 || doc.metadata.runningFooters) {
    metadata.runningFooters = mergeUnique(doc.metadata.runningFooters, footers);
  }
  const empty = emptyOutputWarning(doc, blocks);
  return {
    ...doc,
    blocks,
    metadata,
    quality: { ...doc.quality, textChars: textChars(blocks) },
    warnings: empty ? [...doc.warnings, empty] : doc.warnings,
  };
}
