// Paragraphs the extractor split at a column or page break: "…approved the ref-" at the foot of
// one column and "inancing of the term loan…" at the top of the next.
//
// Rule, for a paragraph followed by another paragraph (only page breaks between them):
//  - the first ends in a hyphenated word fragment and the second starts with a lowercase letter:
//    the word is rejoined with the de-hyphenation rule. On the same page the two paragraphs become
//    one; across a page break only the word's tail moves back, so each page keeps its own text.
//  - the first ends mid-sentence (a lowercase letter or a comma) and the second starts lowercase,
//    on the same page (a column break): they become one paragraph.
// Paragraphs without a page (DOCX) are never joined: each is one the author wrote as such, and a
// labelled one ("[Header]: …") must not swallow the body's first line.
import type { Block } from '../../shared/model';
import { joinHyphenatedLineBreaks, type Vocabulary } from './dehyphenate';
import { joinLines } from './join-lines';

type Paragraph = Extract<Block, { type: 'paragraph' }>;

const ENDS_WITH_FRAGMENT = /[\p{L}\p{N}][-\u2010]$/u;
const ENDS_MID_SENTENCE = /[\p{Ll},]$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;

function merge(first: Paragraph, second: Paragraph, vocab: Vocabulary): Paragraph {
  return {
    ...first,
    text: joinLines(joinHyphenatedLineBreaks(`${first.text}\n${second.text}`, vocab)),
  };
}

/** Moves the first word of `second` back to complete the broken word at the end of `first`. */
function moveWordTail(
  first: Paragraph,
  second: Paragraph,
  vocab: Vocabulary,
): [Paragraph, Paragraph | undefined] {
  const [tail = '', rest = ''] = second.text.split(/ (.*)/s);
  const joined = { ...first, text: joinHyphenatedLineBreaks(`${first.text}\n${tail}`, vocab) };
  return [joined, rest.trim() ? { ...second, text: rest.trim() } : undefined];
}

export function joinBrokenParagraphs(blocks: readonly Block[], vocab: Vocabulary): Block[] {
  const out: Block[] = [];
  let previous = -1; // index in `out` of the last paragraph, while only page breaks follow it
  for (const block of blocks) {
    if (block.type === 'pageBreak') {
      out.push(block);
      continue;
    }
    const before = previous >= 0 ? (out[previous] as Paragraph) : undefined;
    if (
      block.type !== 'paragraph' ||
      !before ||
      block.prov.page === undefined ||
      !STARTS_LOWERCASE.test(block.text)
    ) {
      const at = out.push(block) - 1;
      previous = block.type === 'paragraph' ? at : -1;
      continue;
    }
    const samePage = before.prov.page === block.prov.page;
    if (ENDS_WITH_FRAGMENT.test(before.text) && !samePage) {
      const [joined, rest] = moveWordTail(before, block, vocab);
      out[previous] = joined;
      previous = rest ? out.push(rest) - 1 : previous;
    } else if (
      samePage &&
      (ENDS_WITH_FRAGMENT.test(before.text) || ENDS_MID_SENTENCE.test(before.text))
    ) {
      out[previous] = merge(before, block, vocab);
    } else {
      previous = out.push(block) - 1;
    }
  }
  return out;
}
