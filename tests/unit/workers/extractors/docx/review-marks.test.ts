// Review marks rewritten into document.xml before mammoth reads it: insertions, deletions,
// moves and comments become labelled text where they are.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseComments } from '../../../../../src/workers/extractors/docx/comments-part';
import { prepareBody } from '../../../../../src/workers/extractors/docx/extract-docx';
import {
  commentAnchors,
  commentLabel,
  markTrackedChanges,
  placeComments,
} from '../../../../../src/workers/extractors/docx/review-marks';
import { visibleText } from '../../../../../src/workers/extractors/docx/wordml-text';

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const del = (text: string) => `<w:r><w:delText xml:space="preserve">${text}</w:delText></w:r>`;
/** Paragraph texts of a rewritten fragment, as a reader would see them. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => visibleText(m[0]));

test('an insertion is shown and marked with its author and date', () => {
  const xml = `<w:p>${run('Pay ')}<w:ins w:id="1" w:author="Jane Doe" w:date="2024-03-01T10:15:00Z">${run('within 30 days')}</w:ins></w:p>`;
  assert.deepEqual(paragraphs(markTrackedChanges(xml)), [
    'Pay [Inserted by Jane Doe, 2024-03-01: within 30 days]',
  ]);
});

test('a deletion is shown, not dropped, and marked; its delText becomes text mammoth reads', () => {
  const xml = `<w:p>${run('Total ')}<w:del w:id="2" w:author="Ann" w:date="2024-03-02T00:00:00Z">${del('$1,200')}</w:del>${run(' due')}</w:p>`;
  const out = markTrackedChanges(xml);
  assert.ok(!out.includes('delText'), 'mammoth skips w:delText');
  assert.ok(!/<w:del[\s>]/.test(out), 'mammoth skips w:del and all it holds');
  assert.deepEqual(paragraphs(out), ['Total [Deleted by Ann, 2024-03-02: $1,200] due']);
});

test('a deletion inside an insertion, moves, and marks without author or date', () => {
  const xml = `<w:p><w:ins w:author="A">${run('new ')}<w:del w:author="B" w:date="2024-05-06T07:08:09Z">${del('oops')}</w:del></w:ins><w:moveFrom w:author="C">${run('here')}</w:moveFrom><w:moveTo>${run('there')}</w:moveTo></w:p>`;
  assert.deepEqual(paragraphs(markTrackedChanges(xml)), [
    '[Inserted by A: new [Deleted by B, 2024-05-06: oops]][Moved away by C: here][Moved here: there]',
  ]);
});

test('property marks are not text: a deleted paragraph mark or row stays, an empty mark vanishes', () => {
  const xml = `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="A"/><w:ins w:id="4" w:author="A"/></w:rPr></w:pPr>${run('kept')}</w:p><w:tbl><w:tr><w:trPr><w:del w:id="5" w:author="A"/></w:trPr><w:tc><w:p>${run('row')}</w:p></w:tc></w:tr></w:tbl><w:p><w:ins w:id="6" w:author="A"></w:ins>${run('plain')}</w:p>`;
  const out = markTrackedChanges(xml);
  // mammoth drops a row whose w:trPr holds w:del, and merges a paragraph whose mark is deleted.
  assert.ok(!out.includes('<w:del'), out);
  assert.deepEqual(paragraphs(out), ['kept', 'row', 'plain']);
  assert.ok(out.includes('<w:ins w:id="4" w:author="A"/>'), 'an inserted paragraph mark is left');
});

test('labels are escaped as XML text', () => {
  const xml = `<w:p><w:ins w:author="R&amp;D &lt;team&gt;">${run('x')}</w:ins></w:p>`;
  const out = markTrackedChanges(xml);
  assert.ok(out.includes('[Inserted by R&amp;D &lt;team&gt;: '), out);
  assert.deepEqual(paragraphs(out), ['[Inserted by R&D <team>: x]']);
});

const COMMENTS = `<w:comments><w:comment w:id="0" w:author="Jane Doe" w:initials="JD" w:date="2024-03-01T09:00:00Z"><w:p><w:r><w:annotationRef/></w:r>${run('Check this amount.')}</w:p><w:p>${run('Source?')}</w:p></w:comment><w:comment w:id="1" w:author="" w:date="2024-03-04T09:00:00Z"><w:p>${run('Anonymous.')}</w:p></w:comment><w:comment w:id="2" w:author="Bob"><w:p>${run('Orphan note.')}</w:p></w:comment></w:comments>`;

test('comments.xml: author, date and text of each comment', () => {
  assert.deepEqual(
    [...parseComments(COMMENTS).values()],
    [
      {
        id: '0',
        author: 'Jane Doe',
        date: '2024-03-01T09:00:00Z',
        text: 'Check this amount. Source?',
      },
      { id: '1', date: '2024-03-04T09:00:00Z', text: 'Anonymous.' },
      { id: '2', author: 'Bob', text: 'Orphan note.' },
    ],
  );
});

test('a comment follows the paragraph it is anchored in, quoting the anchored text', () => {
  const body = `<w:body><w:p>${run('The fee is ')}<w:commentRangeStart w:id="0"/>${run('$5,000')}${run(' per year')}<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>${run('.')}</w:p><w:p>${run('Next.')}</w:p><w:p><w:commentRangeStart w:id="1"/>${run('Second')}<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p><w:sectPr/></w:body>`;
  const out = placeComments(body, parseComments(COMMENTS));
  assert.ok(!out.includes('commentReference'), 'the reference runs are gone');
  assert.deepEqual(paragraphs(out), [
    'The fee is $5,000 per year.',
    '[Comment by Jane Doe, 2024-03-01 on “$5,000 per year”]: Check this amount. Source?',
    'Next.',
    'Second',
    '[Comment, 2024-03-04 on “Second”]: Anonymous.',
    // No paragraph refers to comment 2 (made in a header, say): it closes the body.
    '[Comment by Bob]: Orphan note.',
  ]);
});

test('an anchor over several paragraphs is quoted whole, a long one shortened at a word', () => {
  const long = 'word '.repeat(40).trim();
  const xml = `<w:p><w:commentRangeStart w:id="0"/>${run('One')}</w:p><w:p>${run('two')}<w:commentRangeEnd w:id="0"/></w:p><w:p><w:commentRangeStart w:id="1"/>${run(long)}<w:commentRangeEnd w:id="1"/></w:p>`;
  const anchors = commentAnchors(xml);
  assert.equal(anchors.get('0'), 'One two');
  const label = commentLabel({ id: '1', text: 'Too long.' }, anchors.get('1'));
  assert.match(label, /^\[Comment on “(word ){15}word…”\]: Too long\.$/);
});

test('a hostile body of unbalanced marks is rewritten in linear time, left as written', () => {
  // Lazy regular expressions would rescan the rest of the part from each unclosed start tag:
  // minutes for this 12 MB; one forward pass takes about a second on a busy 2-core machine.
  const n = 100_000;
  const hostile =
    '</w:ins>'.repeat(n) +
    '<w:ins w:author="a">'.repeat(n) +
    '<w:txbxContent>'.repeat(n) +
    '<w:sectPr>'.repeat(n) +
    '<w:commentRangeStart w:id="1"/>'.repeat(n) +
    '<w:commentReference w:id="1"/><w:r>'.repeat(n);
  const comments = parseComments(`<w:comment w:id="1"><w:p>${run('x')}</w:p></w:comment>`);
  const started = Date.now();
  const out = prepareBody(hostile, { show: true, comments });
  assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  assert.ok(out.startsWith('</w:ins></w:ins>'), 'unmatched end tags stay');
  assert.ok(!out.includes('[Inserted'), 'unclosed marks label nothing');
});

test('a reply says whom it answers, and a comment marked done says it is resolved', () => {
  const comments = parseComments(
    `<w:comments><w:comment w:id="0" w:author="Jane Doe" w:date="2024-03-01T09:00:00Z"><w:p w14:paraId="0000000A">${run('Why $5,000?')}</w:p></w:comment><w:comment w:id="1" w:author="Bob" w:date="2024-03-02T09:00:00Z"><w:p w14:paraId="0000000B">${run('Agreed fee.')}</w:p></w:comment></w:comments>`,
    '<w15:commentsEx><w15:commentEx w15:paraId="0000000A" w15:done="1"/><w15:commentEx w15:paraId="0000000B" w15:paraIdParent="0000000A" w15:done="0"/></w15:commentsEx>',
  );
  assert.deepEqual(comments.get('1'), {
    id: '1',
    author: 'Bob',
    date: '2024-03-02T09:00:00Z',
    text: 'Agreed fee.',
    replyTo: '0',
  });
  const body = `<w:body><w:p><w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>${run('Fee')}<w:commentRangeEnd w:id="0"/><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r></w:p></w:body>`;
  assert.deepEqual(paragraphs(placeComments(body, comments)), [
    'Fee',
    '[Comment by Jane Doe, 2024-03-01 on “Fee”, resolved]: Why $5,000?',
    '[Reply by Bob, 2024-03-02 to Jane Doe]: Agreed fee.',
  ]);
});
