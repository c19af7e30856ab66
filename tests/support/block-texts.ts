// The text of each block, a table as its rows joined (cells by |, rows by /), for compact asserts.
import type { Block } from '../../src/shared/model';

export const blockTexts = (blocks: Block[]): string[] =>
  blocks.map((b) =>
    'text' in b ? b.text : b.type === 'table' ? b.rows.map((r) => r.join('|')).join('/') : '',
  );
