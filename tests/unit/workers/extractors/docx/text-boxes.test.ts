// Text boxes labelled in document.xml: the first paragraph of each box with text says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelTextBoxes } from '../../../../../src/workers/extractors/docx/text-boxes';
import { visibleText } from '../../../../../src/workers/extractors/docx/wordml-text';

const run = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;

test('the first paragraph of a text box gets the label after its properties; later ones do not', () => {
  const xml = `<w:p>${run('Body')}<w:r><w:pict><v:textbox><w:txbxContent><w:p w14:paraId="1"><w:pPr><w:jc w:val="center"/></w:pPr>${run('Approved')}</w:p><w:p>${run('by the board')}</w:p></w:txbxContent></v:textbox></w:pict></w:r></w:p>`;
  const out = labelTextBoxes(xml);
  assert.ok(out.includes('</w:pPr><w:r><w:t xml:space="preserve">[Text box]: </w:t></w:r>'), out);
  assert.equal(visibleText(out), 'Body[Text box]: Approved by the board');
});

test('a text box that starts with an empty paragraph, and one with no text at all', () => {
  const empty = '<w:txbxContent><w:p/><w:p><w:pPr/></w:p></w:txbxContent>';
  assert.equal(labelTextBoxes(empty), empty);
  const late = `<w:txbxContent><w:p w:rsidR="1"/><w:p><w:pPr/>${run('Note')}</w:p></w:txbxContent>`;
  assert.equal(visibleText(labelTextBoxes(late)), '[Text box]: Note');
});
