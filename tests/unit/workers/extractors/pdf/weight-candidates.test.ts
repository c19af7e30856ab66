// Which fonts a page needs the weight of: only those setting a short title-like line at body size
// alone, so most pages never pay for the operator list that names their fonts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeItems, type PdfTextItem } from '../../../../../src/workers/extractors/pdf/text-items';
import { fontsToWeigh } from '../../../../../src/workers/extractors/pdf/weight-candidates';
import { item, UPRIGHT } from '../../../../support/pdf-text-items';

const inFont = (font: string, i: PdfTextItem): PdfTextItem => ({ ...i, fontName: font });
const BODY = 'Body text that runs across the column in the main font of the page, line after line.';
const body = (y: number) => inFont('f-body', item(BODY, 72, y));
const weigh = (items: PdfTextItem[]) => [...fontsToWeigh(placeItems(items, UPRIGHT))];

test('a short title-like line alone in another font at body size is worth weighing', () => {
  assert.deepEqual(weigh([body(720), inFont('f2', item('Scope of Work', 72, 700)), body(680)]), [
    'f2',
  ]);
});

test('fonts inside body lines, larger titles, labels, sentences and small print are not', () => {
  const fonts = weigh([
    body(720),
    inFont('f-body', item('The', 72, 708)),
    inFont('f-inline', item('contractor', 92, 708)),
    inFont('f-body', item('shall deliver.', 145, 708)),
    inFont('f-big', item('Annual Review', 72, 680, 18)),
    inFont('f-label', item('Note:', 72, 660)),
    inFont('f-sentence', item('Payment is due on receipt.', 72, 648)),
    inFont('f-small', item('Footnote Text', 72, 630, 7)),
    inFont('f-digits', item('12 345', 72, 618)),
    body(600),
  ]);
  assert.deepEqual(fonts, []);
});

test('a title in one column beside body text in the next is found', () => {
  const left = inFont('f2', item('Method', 72, 700));
  const right = inFont('f-body', item('Body text in the second column goes on.', 320, 700));
  assert.deepEqual(weigh([body(720), left, right, body(680)]), ['f2']);
});
