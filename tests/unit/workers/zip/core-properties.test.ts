// Office core properties (docProps/core.xml) as document metadata.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCoreProperties } from '../../../../src/workers/zip/core-properties';

test('parseCoreProperties reads Dublin Core fields and decodes only predefined entities', () => {
  assert.deepEqual(
    parseCoreProperties(
      '<cp:coreProperties><dc:title>A &lt;b&gt; &#233;</dc:title><dc:creator>Bo</dc:creator><dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>',
    ),
    { title: 'A <b> é', author: 'Bo', modified: '2020-01-01T00:00:00Z' },
  );
});
