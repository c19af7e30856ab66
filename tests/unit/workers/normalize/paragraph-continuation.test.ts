import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Block } from '../../../../src/shared/model';
import { buildVocabulary, EMPTY_VOCABULARY } from '../../../../src/workers/normalize/dehyphenate';
import { joinBrokenParagraphs } from '../../../../src/workers/normalize/paragraph-continuation';

const para = (page: number, text: string): Block => ({ type: 'paragraph', text, prov: { page } });
const brk = (page: number): Block => ({ type: 'pageBreak', page, prov: { page } });
const texts = (blocks: Block[]): string[] =>
  blocks.map((b) => (b.type === 'paragraph' ? b.text : `[${b.type}]`));

// Seen in the generated two-column batch: the extractor ends a column inside "refinancing".
const FOOT = 'The Audit Committee met on 21 August 2023 and approved the ref-';
const HEAD = 'inancing of the term loan. Minutes of meeting no. 174 were signed.';

test('a word broken at a column break on the same page: one paragraph again', () => {
  const out = joinBrokenParagraphs([para(3, FOOT), para(3, HEAD)], EMPTY_VOCABULARY);
  assert.deepEqual(texts(out), [
    'The Audit Committee met on 21 August 2023 and approved the refinancing of the term loan. Minutes of meeting no. 174 were signed.',
  ]);
});

test('a word broken at a page break: only its tail moves back, each page keeps its text', () => {
  const out = joinBrokenParagraphs([para(2, FOOT), brk(3), para(3, HEAD)], EMPTY_VOCABULARY);
  assert.deepEqual(texts(out), [
    'The Audit Committee met on 21 August 2023 and approved the refinancing',
    '[pageBreak]',
    'of the term loan. Minutes of meeting no. 174 were signed.',
  ]);
});

test('a sentence cut at a column break (no hyphen) is rejoined on the same page only', () => {
  const first = para(
    1,
    'Payment of $14,148.53 to Oakridge Consulting LLP was made on 21 March 2022 by',
  );
  const second = para(1, 'bank transfer, reference 619294.');
  assert.deepEqual(texts(joinBrokenParagraphs([first, second], EMPTY_VOCABULARY)), [
    'Payment of $14,148.53 to Oakridge Consulting LLP was made on 21 March 2022 by bank transfer, reference 619294.',
  ]);
  const acrossPages = joinBrokenParagraphs(
    [first, brk(2), para(2, 'bank transfer.')],
    EMPTY_VOCABULARY,
  );
  assert.equal(acrossPages.length, 3);
});

test('finished sentences, capitals, headings and real hyphens stay apart', () => {
  const vocab = buildVocabulary(['a well-known firm']);
  const blocks: Block[] = [
    para(1, 'The balance agrees with the general ledger.'),
    para(1, 'no exceptions were noted.'),
    para(1, 'Journal entry testing'),
    { type: 'heading', level: 2, text: 'Scope', prov: { page: 1 } },
    para(1, 'covers all entries.'),
    para(1, 'The firm is well-'),
    para(1, 'known in the region.'),
  ];
  assert.deepEqual(texts(joinBrokenParagraphs(blocks, vocab)), [
    'The balance agrees with the general ledger.',
    'no exceptions were noted.',
    'Journal entry testing',
    '[heading]',
    'covers all entries.',
    'The firm is well-known in the region.',
  ]);
});

test('paragraphs without a page (DOCX) stay as the author wrote them', () => {
  const docx = (text: string): Block => ({ type: 'paragraph', text, prov: { paragraph: 0 } });
  const blocks = [docx('[Header]: This is a header'), docx('italic bold underline')];
  assert.deepEqual(texts(joinBrokenParagraphs(blocks, EMPTY_VOCABULARY)), [
    '[Header]: This is a header',
    'italic bold underline',
  ]);
});
