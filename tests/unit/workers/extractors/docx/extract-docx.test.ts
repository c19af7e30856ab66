import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import type { ExtractedDocument } from '../../../../../src/shared/model';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import { renderMarkdown } from '../../../../../src/workers/render/markdown';
import { blockTexts } from '../../../../support/block-texts';
import { realCorpusDir, realCorpusSkip } from '../../../../support/paths';
import { minimalDocxParts, writeZip } from '../../../../support/zip-builder';
import { codeOf, failure } from '../../../../support/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-docx-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ctx = { options: defaultExtractOptions };

const WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const XXE_DOCTYPE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>';

const SIDE_CONTENT_BODY = [
  'Body text',
  '<w:p><w:r><w:t xml:space="preserve">More </w:t></w:r><w:ins w:id="1" w:author="Jane Doe" w:date="2024-03-01T10:00:00Z"><w:r><w:t>inserted</w:t></w:r></w:ins><w:del w:id="2" w:author="Bob" w:date="2024-03-02T11:00:00Z"><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>',
  '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Fee: $5,000</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>',
];
const SIDE_CONTENT_PARTS = [
  {
    name: 'word/header1.xml',
    content: `<w:hdr ${WNS}><w:p><w:r><w:t>ACME Confidential</w:t></w:r></w:p></w:hdr>`,
  },
  {
    name: 'word/footer1.xml',
    content: `<w:ftr ${WNS}><w:p><w:r><w:t>Page footer</w:t></w:r></w:p></w:ftr>`,
  },
  {
    name: 'word/comments.xml',
    content: `<w:comments ${WNS}><w:comment w:id="0" w:author="Ann Reviewer" w:date="2024-03-05T09:00:00Z"><w:p><w:r><w:t>Agreed to invoice?</w:t></w:r></w:p></w:comment><w:comment w:id="1"/></w:comments>`,
  },
  {
    name: 'docProps/core.xml',
    content: `<?xml version="1.0"?>${XXE_DOCTYPE}<cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t"><dc:title>Q3 &amp; Q4 &xxe;</dc:title><dc:creator>Ann</dc:creator><dcterms:created>2024-01-02T03:04:05Z</dcterms:created></cp:coreProperties>`,
  },
];

test('headers, footers, comments and tracked changes are labelled content by default', async () => {
  const file = writeZip(
    path.join(dir, 'side.docx'),
    minimalDocxParts(SIDE_CONTENT_BODY, SIDE_CONTENT_PARTS),
  );
  const doc = await extractFile(file, ctx);
  assert.equal(doc.source.kind, 'docx');
  assert.deepEqual(blockTexts(doc.blocks), [
    '[Header]: ACME Confidential',
    'Body text',
    'More [Inserted by Jane Doe, 2024-03-01: inserted][Deleted by Bob, 2024-03-02: gone]',
    'Fee: $5,000',
    '[Comment by Ann Reviewer, 2024-03-05 on “Fee: $5,000”]: Agreed to invoice?',
    // A comment no paragraph refers to is still evidence: it closes the body.
    '[Comment]:',
    '[Footer]: Page footer',
  ]);
  assert.equal(doc.metadata.runningHeaders, undefined, 'in the text, not moved out of it');
  // The external entity stays as written: nothing was fetched or read from disk.
  assert.equal(doc.metadata.title, 'Q3 & Q4 &xxe;');
  assert.equal(doc.metadata.author, 'Ann');
  assert.deepEqual(
    doc.warnings.filter((w) => w.code === 'CONTENT_OMITTED'),
    [],
    'nothing is left out',
  );
});

test('review marks off: the text reads with changes accepted, and the warnings say so', async () => {
  const file = writeZip(
    path.join(dir, 'side-off.docx'),
    minimalDocxParts(SIDE_CONTENT_BODY, SIDE_CONTENT_PARTS),
  );
  const off = { options: { ...defaultExtractOptions, docx: { reviewMarks: false } } };
  const doc = await extractFile(file, off);
  assert.deepEqual(blockTexts(doc.blocks), [
    '[Header]: ACME Confidential',
    'Body text',
    'More inserted',
    'Fee: $5,000',
    '[Footer]: Page footer',
  ]);
  const omitted = doc.warnings.filter((w) => w.code === 'CONTENT_OMITTED');
  assert.deepEqual(
    omitted.map((w) => [/2 reviewer comments|tracked changes/.exec(w.message)?.[0], w.lossy]),
    [
      ['2 reviewer comments', false],
      ['tracked changes', false],
    ],
  );
  // The reference run's CommentReference style is gone with the run: no style warning for it.
  assert.ok(!doc.warnings.some((w) => w.message.includes('CommentReference')));
});

const RELS_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

test('footnotes: the number in the text matches the note, whatever the part ids', async () => {
  const ref = (id: number) =>
    `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
  const note = (id: number, text: string) =>
    `<w:footnote w:id="${id}"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> ${text}</w:t></w:r></w:p></w:footnote>`;
  const file = writeZip(
    path.join(dir, 'notes.docx'),
    minimalDocxParts(
      [
        `<w:p><w:r><w:t>Revenue rose</w:t></w:r>${ref(8)}<w:r><w:t xml:space="preserve"> and costs fell</w:t></w:r>${ref(3)}</w:p>`,
      ],
      [
        {
          name: 'word/footnotes.xml',
          content: `<w:footnotes ${WNS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>${note(3, 'Cost ledger.')}${note(8, 'Annual report, p. 4.')}</w:footnotes>`,
        },
      ],
    ),
  );
  const doc = await extractFile(file, ctx);
  assert.deepEqual(blockTexts(doc.blocks), [
    'Revenue rose[1] and costs fell[2]',
    'Footnote 1: Annual report, p. 4.',
    'Footnote 2: Cost ledger.',
  ]);
});

test('page headers and footers are labelled by kind from the section references', async () => {
  const hdr = (text: string) => `<w:hdr ${WNS}><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:hdr>`;
  const parts = minimalDocxParts(
    [
      'Body',
      `<w:sectPr ${RELS_NS}><w:headerReference w:type="first" r:id="rId2"/><w:headerReference w:type="default" r:id="rId1"/><w:footerReference w:type="default" r:id="rId3"/><w:titlePg/></w:sectPr>`,
    ],
    [
      { name: 'word/header1.xml', content: hdr('Regular header') },
      { name: 'word/header2.xml', content: hdr('Cover header') },
      {
        name: 'word/footer1.xml',
        content: `<w:ftr ${WNS}><w:p><w:r><w:t>Page </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`,
      },
      // Not referenced by any section: Word never shows it.
      { name: 'word/header3.xml', content: hdr('Stale header') },
      {
        name: 'word/_rels/document.xml.rels',
        content:
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>',
      },
    ],
  );
  const doc = await extractFile(writeZip(path.join(dir, 'margins.docx'), parts), ctx);
  assert.deepEqual(blockTexts(doc.blocks), [
    '[Header, first page]: Cover header',
    '[Header]: Regular header',
    'Body',
    '[Footer]: Page 1',
  ]);
});

test('a text box is kept in place and labelled', async () => {
  const box = `<w:p><w:r><w:t>Flow start</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Student falls ill</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
  const file = writeZip(path.join(dir, 'textbox.docx'), minimalDocxParts([box, 'After the box']));
  const doc = await extractFile(file, ctx);
  assert.deepEqual(blockTexts(doc.blocks), [
    'Flow start',
    '[Text box]: Student falls ill',
    'After the box',
  ]);
});

/** A cell of one run; `text` may be a run's XML already (from `bold`). */
const cell = (text: string, props = '') =>
  `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}<w:p>${text.startsWith('<w:r>') ? text : `<w:r><w:t>${text}</w:t></w:r>`}</w:p></w:tc>`;
const bold = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t>${text}</w:t></w:r>`;
const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const table = (...rows: string[]) =>
  `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;

test('merged cells: a span keeps its text once, at its top-left, on the table grid', async () => {
  const body = table(
    row(
      cell(bold('Account'), '<w:vMerge w:val="restart"/>'),
      cell(bold('2024'), '<w:gridSpan w:val="2"/>'),
    ),
    row(cell('', '<w:vMerge/>'), cell('H1'), cell('H2')),
    row(cell('Cash'), cell('10'), cell('12')),
  );
  const doc = await extractFile(
    writeZip(path.join(dir, 'merged.docx'), minimalDocxParts([body])),
    ctx,
  );
  const [only] = doc.blocks;
  assert.equal(doc.blocks.length, 1);
  assert.deepEqual(only?.type === 'table' && only.rows, [
    ['Account', '2024', ''],
    ['', 'H1', 'H2'],
    ['Cash', '10', '12'],
  ]);
  // The Markdown repeats a span's text over what it covers (across only in a header row):
  // every row reads on its own.
  const markdown = renderMarkdown(doc, { frontMatter: false });
  assert.match(markdown, /\| Account +\| 2024 +\| 2024 +\|/);
  assert.match(markdown, /\| Account +\| H1 +\| H2 +\|/);
});

test('a row that starts late on the grid keeps its cells in their columns', async () => {
  const late = `<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>${cell('Total')}</w:tr>`;
  const body = table(row(cell('A'), cell('B'), cell('C')), late);
  const doc = await extractFile(
    writeZip(path.join(dir, 'late.docx'), minimalDocxParts([body])),
    ctx,
  );
  const [only] = doc.blocks;
  assert.deepEqual(only?.type === 'table' && only.rows, [
    ['A', 'B', 'C'],
    ['', '', 'Total'],
  ]);
});

test('nested tables: kept in their cell row by row; a one-cell frame around a table is a table', async () => {
  const inner = table(row(cell('Q1'), cell('10')), row(cell('Q2'), cell('20')));
  const nested = table(
    row(cell('Item'), cell('Split')),
    row(cell('Fees'), `<w:tc>${inner}<w:p/></w:tc>`),
  );
  const small = table(row(cell('A'), cell('B'), cell('C')), row(cell('D'), cell('E'), cell('F')));
  const framed = table(row(`<w:tc>${small}<w:p/></w:tc>`));
  const doc = await extractFile(
    writeZip(path.join(dir, 'nested.docx'), minimalDocxParts([nested, 'Between', framed])),
    ctx,
  );
  const shapes = doc.blocks.map((b) => (b.type === 'table' ? b.rows : blockTexts([b])[0]));
  assert.deepEqual(shapes, [
    [
      ['Item', 'Split'],
      ['Fees', 'Q1 | 10\nQ2 | 20'],
    ],
    'Between',
    [
      ['A', 'B', 'C'],
      ['D', 'E', 'F'],
    ],
  ]);
});

test('an external entity in document.xml is never resolved', async () => {
  const secret = path.join(dir, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-VALUE');
  const parts = minimalDocxParts(['before']).map((p) =>
    p.name === 'word/document.xml'
      ? {
          name: p.name,
          content: `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY s SYSTEM "file://${secret}">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>A &s; B</w:t></w:r></w:p></w:body></w:document>`,
        }
      : p,
  );
  const file = writeZip(path.join(dir, 'xxe.docx'), parts);
  // mammoth's XML parser (xmldom) has no DTD support: the reference stays unresolved and the
  // part is refused as damaged. Either way the file's content must never appear.
  let outcome = '';
  try {
    outcome = JSON.stringify(await extractFile(file, ctx));
  } catch (error) {
    assert.equal((error as { code?: string }).code, 'CORRUPT');
    outcome = String((error as Error).message);
  }
  assert.ok(!outcome.includes('TOP-SECRET-VALUE'));
});

test('a valid DOCX with no text is ok with 0 characters', async () => {
  const doc = await extractFile(writeZip(path.join(dir, 'empty.docx'), minimalDocxParts([])), ctx);
  assert.equal(doc.quality.textChars, 0);
  assert.deepEqual(doc.blocks, []);
});

test('a DOCX named .xlsx is extracted as a DOCX', async () => {
  const file = writeZip(path.join(dir, 'report.xlsx'), minimalDocxParts(['Actually a letter']));
  const doc = await extractFile(file, ctx);
  assert.equal(doc.source.kind, 'docx');
  assert.deepEqual(blockTexts(doc.blocks), ['Actually a letter']);
});

test('random bytes named .docx are UNSUPPORTED_TYPE', async () => {
  const file = path.join(dir, 'random.docx');
  writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  assert.equal(await codeOf(extractFile(file, ctx)), 'UNSUPPORTED_TYPE');
});

test('a DOCX truncated at several offsets is CORRUPT with a plain message', async () => {
  const whole = readFileSync(
    writeZip(path.join(dir, 'whole.docx'), minimalDocxParts(['Some text '.repeat(200)])),
  );
  for (const fraction of [0.1, 0.5, 0.9, 0.99]) {
    const file = path.join(dir, `cut-${fraction}.docx`);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * fraction)));
    const error = await failure(extractFile(file, ctx));
    assert.equal(error.code, 'CORRUPT', `cut at ${fraction}`);
    assert.match(error.message ?? '', /The DOCX is damaged or truncated/);
  }
});

test(
  'real DOCX files from the corpus: truncated copies are CORRUPT',
  { skip: realCorpusSkip },
  async () => {
    const source = path.join(realCorpusDir, 'docling__word_sample.docx');
    const whole = readFileSync(source);
    for (const offset of [1000, Math.floor(whole.length / 2), whole.length - 100]) {
      const file = path.join(dir, `real-cut-${offset}.docx`);
      writeFileSync(file, whole.subarray(0, offset));
      assert.equal(await codeOf(extractFile(file, ctx)), 'CORRUPT', `cut at ${offset}`);
    }
    // And the untouched copy still reads.
    copyFileSync(source, path.join(dir, 'copy.docx'));
    const doc: ExtractedDocument = await extractFile(path.join(dir, 'copy.docx'), ctx);
    assert.ok(
      doc.blocks.some((b) => b.type === 'table' && b.rows.some((r) => r.includes('Leaves'))),
    );
  },
);
