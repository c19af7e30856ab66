// The same rules on DOCX files written by a real producer (the `docx` package), not hand-made
// XML: comments, tracked changes, footnotes, headers and footers, merged and nested tables.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { defaultExtractOptions } from '../../../../../src/shared/options';
import { extractFile } from '../../../../../src/workers/extractors/extract-file';
import { blockTexts } from '../../../../support/block-texts';

const dir = mkdtempSync(path.join(tmpdir(), 'folio-docx-writer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function write(name: string, doc: Document): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, await Packer.toBuffer(doc));
  return file;
}

const cell = (text: string, more: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: [new Paragraph(text)], ...more });

test('a reviewed letter: comment, insertion, deletion, footnote, header and footer', async () => {
  const file = await write(
    'reviewed.docx',
    new Document({
      comments: {
        children: [
          {
            id: 0,
            author: 'Jane Doe',
            date: new Date('2024-03-01T10:00:00Z'),
            children: [new Paragraph('Confirm with the bank.')],
          },
        ],
      },
      footnotes: { 1: { children: [new Paragraph('Bank letter of 4 March.')] } },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('ACME Confidential')] }) },
          footers: { default: new Footer({ children: [new Paragraph('Internal use')] }) },
          children: [
            new Paragraph({
              children: [
                new TextRun('The balance is '),
                new CommentRangeStart(0),
                new TextRun('$12,400'),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
                new FootnoteReferenceRun(1),
                new TextRun('.'),
              ],
            }),
            new Paragraph({
              children: [
                new TextRun('Payment is due '),
                new DeletedTextRun({
                  text: 'in 60 days',
                  id: 1,
                  author: 'Bob',
                  date: '2024-03-02T09:00:00Z',
                }),
                new InsertedTextRun({
                  text: 'in 30 days',
                  id: 2,
                  author: 'Bob',
                  date: '2024-03-02T09:00:00Z',
                }),
                new TextRun('.'),
              ],
            }),
          ],
        },
      ],
    }),
  );
  const doc = await extractFile(file, { options: defaultExtractOptions });
  assert.deepEqual(blockTexts(doc.blocks), [
    '[Header]: ACME Confidential',
    'The balance is $12,400[1].',
    '[Comment by Jane Doe, 2024-03-01 on “$12,400”]: Confirm with the bank.',
    'Payment is due [Deleted by Bob, 2024-03-02: in 60 days][Inserted by Bob, 2024-03-02: in 30 days].',
    'Footnote 1: Bank letter of 4 March.',
    '[Footer]: Internal use',
  ]);
  const off = await extractFile(file, {
    options: { ...defaultExtractOptions, docx: { reviewMarks: false } },
  });
  assert.ok(blockTexts(off.blocks).includes('Payment is due in 30 days.'));
  assert.ok(!blockTexts(off.blocks).some((t) => t.startsWith('[Comment')));
});

test('tables from a real writer: merged cells on the grid, a nested table in its cell', async () => {
  const nested = new Table({
    rows: [
      new TableRow({ children: [cell('Q1'), cell('10')] }),
      new TableRow({ children: [cell('Q2'), cell('20')] }),
    ],
  });
  const file = await write(
    'tables.docx',
    new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [cell('Account', { rowSpan: 2 }), cell('2024', { columnSpan: 2 })],
                }),
                new TableRow({ children: [cell('H1'), cell('H2')] }),
                new TableRow({
                  children: [
                    cell('Fees'),
                    new TableCell({ children: [nested, new Paragraph('')] }),
                    cell('x'),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    }),
  );
  const doc = await extractFile(file, { options: defaultExtractOptions });
  const [table] = doc.blocks;
  assert.deepEqual(table?.type === 'table' && table.rows, [
    ['Account', '2024', ''],
    ['', 'H1', 'H2'],
    ['Fees', 'Q1 | 10\nQ2 | 20', 'x'],
  ]);
});
