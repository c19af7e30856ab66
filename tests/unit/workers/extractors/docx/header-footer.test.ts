// Page headers and footers: which parts the sections refer to, and their labels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  pageMarginBlocks,
  relationshipTargets,
  sectionReferences,
} from '../../../../../src/workers/extractors/docx/header-footer';

const RELS = `<Relationships><Relationship Id="rId1" Type="x/header" Target="header1.xml"/><Relationship Id="rId2" Type="x/header" Target="/word/header2.xml"/><Relationship Id="rId3" Type="x/footer" Target="footer1.xml"/><Relationship Id="rId9" Type="x/hyperlink" Target="http://example.com" TargetMode="External"/></Relationships>`;

test('section references resolve through the relationships, in document order', () => {
  const targets = relationshipTargets(RELS);
  assert.equal(targets.get('rId2'), 'word/header2.xml');
  assert.equal(targets.has('rId9'), false, 'external targets are no parts');
  const doc = `<w:body><w:p><w:pPr><w:sectPr><w:headerReference w:type="first" r:id="rId2"/><w:titlePg/></w:sectPr></w:pPr></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="even" r:id="rId3"/><w:footerReference w:type="default" r:id="rId404"/></w:sectPr></w:body>`;
  assert.deepEqual(sectionReferences(doc, targets), [
    { kind: 'header', type: 'first', part: 'word/header2.xml' },
    { kind: 'header', type: 'default', part: 'word/header1.xml' },
    { kind: 'footer', type: 'even', part: 'word/footer1.xml' },
  ]);
});

test('headers go before the body and footers after it, labelled with their kind', () => {
  const { before, after } = pageMarginBlocks([
    { kind: 'header', type: 'default', text: 'ACME Confidential' },
    { kind: 'footer', type: 'first', text: 'Page 1' },
    { kind: 'header', type: 'even', text: 'Draft' },
  ]);
  assert.deepEqual(
    before.map((b) => b.type === 'paragraph' && b.text),
    ['[Header]: ACME Confidential', '[Header, even pages]: Draft'],
  );
  assert.deepEqual(
    after.map((b) => b.type === 'paragraph' && b.text),
    ['[Footer, first page]: Page 1'],
  );
});
