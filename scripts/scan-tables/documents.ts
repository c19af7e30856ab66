// What the scanned-invoice family says: invoices with line items, a bank statement and a
// two-column letter, as blocks a page layout places. Tables are exact ground truth: the cells
// as printed, '' where nothing was printed. Deterministic from the rng.
import type { Rng } from '../fixtures/prng';

export type Align = 'left' | 'right';

export type DocBlock =
  | { type: 'title'; text: string }
  | { type: 'line'; text: string }
  /** Label and value pairs, one per row ("Invoice no.:" … "INV-2024-0412"). */
  | { type: 'fields'; rows: [string, string][]; right?: boolean }
  | { type: 'table'; rows: string[][]; align: Align[]; widths: number[] }
  /** Prose in two columns, left column first. */
  | { type: 'columns'; left: string[]; right: string[] }
  | { type: 'paragraph'; text: string }
  | { type: 'gap'; lines: number };

export interface DocPage {
  blocks: DocBlock[];
}

const ITEMS = [
  'Audit fieldwork, interim visit',
  'Inventory count attendance',
  'Payroll testing, 3 months',
  'Bank confirmation requests',
  'Travel and subsistence',
  'Tax computation review',
  'Fixed asset register walkthrough',
  'Management letter drafting',
  'Revenue cut-off testing',
  'Journal entry analytics',
  'Consolidation review',
  'Partner review of file',
  'Related party enquiries',
  'Going concern assessment',
  'Disclosure checklist',
  'Board minutes reading',
  'Lease schedule testing',
  'Accruals and provisions',
  'Supplier statement reconciliation',
  'Subsequent events review',
  'Engagement quality review',
  'Archive and file closure',
];

const CUSTOMERS = ['Northwind Traders Ltd', 'Blue Harbour Foods plc', 'Kestrel Engineering GmbH'];

const money = (cents: number): string => {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
};

/** Line items No. / Description / Qty / Unit price / Amount, and the totals under them. */
function lineItems(rng: Rng, count: number, first: number): { rows: string[][]; total: number } {
  const rows: string[][] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    const qty = rng.int(1, 24);
    const unit = rng.int(35, 1850) * 100 + rng.pick([0, 50, 25, 75]);
    total += qty * unit;
    rows.push([
      String(first + i),
      ITEMS[(first + i - 1) % ITEMS.length],
      String(qty),
      money(unit),
      money(qty * unit),
    ]);
  }
  return { rows, total };
}

const ITEM_HEADER = ['No.', 'Description', 'Qty', 'Unit price', 'Amount'];
const ITEM_ALIGN: Align[] = ['left', 'left', 'right', 'right', 'right'];
const ITEM_WIDTHS = [36, 214, 44, 86, 88];

function invoiceHead(rng: Rng, number: string, page?: string): DocBlock[] {
  const day = rng.int(1, 28);
  return [
    { type: 'title', text: 'Hartley & Moss Chartered Accountants' },
    { type: 'line', text: `INVOICE${page ? ` (${page})` : ''}` },
    { type: 'gap', lines: 1 },
    {
      type: 'fields',
      rows: [
        ['Invoice no.:', number],
        ['Date:', `${String(day).padStart(2, '0')}/03/2024`],
        ['Customer:', rng.pick(CUSTOMERS)],
        ['Terms:', '30 days net'],
      ],
    },
    { type: 'gap', lines: 2 },
  ];
}

function totals(total: number): DocBlock[] {
  const vat = Math.round(total * 0.2);
  return [
    { type: 'gap', lines: 2 },
    {
      type: 'fields',
      right: true,
      rows: [
        ['Subtotal:', money(total)],
        ['VAT 20%:', money(vat)],
        ['Total due:', money(total + vat)],
      ],
    },
    { type: 'gap', lines: 2 },
    {
      type: 'paragraph',
      text: 'Please quote the invoice number with your payment. Thank you for your business.',
    },
  ];
}

export function invoice(rng: Rng, number: string, items: number): DocPage[] {
  const { rows, total } = lineItems(rng, items, 1);
  return [
    {
      blocks: [
        ...invoiceHead(rng, number),
        { type: 'table', rows: [ITEM_HEADER, ...rows], align: ITEM_ALIGN, widths: ITEM_WIDTHS },
        ...totals(total),
      ],
    },
  ];
}

/** An invoice whose line items run over two pages (the header row repeated on the second). */
export function twoPageInvoice(rng: Rng, number: string): DocPage[] {
  const first = lineItems(rng, 14, 1);
  const second = lineItems(rng, 8, 15);
  return [
    {
      blocks: [
        ...invoiceHead(rng, number, 'page 1 of 2'),
        {
          type: 'table',
          rows: [ITEM_HEADER, ...first.rows],
          align: ITEM_ALIGN,
          widths: ITEM_WIDTHS,
        },
        { type: 'gap', lines: 2 },
        { type: 'paragraph', text: 'Continued on the next page.' },
      ],
    },
    {
      blocks: [
        { type: 'line', text: `Invoice ${number} (page 2 of 2)` },
        { type: 'gap', lines: 2 },
        {
          type: 'table',
          rows: [ITEM_HEADER, ...second.rows],
          align: ITEM_ALIGN,
          widths: ITEM_WIDTHS,
        },
        ...totals(first.total + second.total),
      ],
    },
  ];
}

const PAYEES = [
  ['Card payment', 'Office Supplies Co'],
  ['Transfer in', 'Northwind Traders'],
  ['Direct debit', 'City Power'],
  ['Standing order', 'Rent Kestrel House'],
  ['Cheque', 'Blue Harbour Foods'],
  ['Transfer out', 'HMRC VAT'],
];

/** Date / Description / Reference / Debit / Credit / Balance; a row has a debit or a credit. */
export function statement(rng: Rng): DocPage[] {
  let balance = rng.int(20_000, 90_000) * 100;
  const rows: string[][] = [['Date', 'Description', 'Reference', 'Debit', 'Credit', 'Balance']];
  rows.push(['01/03/2024', 'Opening balance', '', '', '', money(balance)]);
  for (let i = 0; i < 14; i++) {
    const [kind, payee] = rng.pick(PAYEES);
    const amount = rng.int(40, 9_000) * 100 + rng.int(0, 99);
    const credit = kind === 'Transfer in' || kind === 'Cheque';
    balance += credit ? amount : -amount;
    rows.push([
      `${String(2 + i * 2).padStart(2, '0')}/03/2024`,
      `${kind} ${payee}`,
      `R${rng.int(100000, 999999)}`,
      credit ? '' : money(amount),
      credit ? money(amount) : '',
      money(balance),
    ]);
  }
  return [
    {
      blocks: [
        { type: 'title', text: 'Meridian Bank' },
        { type: 'line', text: 'Statement of account' },
        { type: 'gap', lines: 1 },
        {
          type: 'fields',
          rows: [
            ['Account name:', 'Hartley & Moss LLP'],
            ['Account no.:', `40-12-77 ${rng.int(10000000, 99999999)}`],
            ['Period:', '01/03/2024 to 31/03/2024'],
          ],
        },
        { type: 'gap', lines: 2 },
        {
          type: 'table',
          rows,
          align: ['left', 'left', 'left', 'right', 'right', 'right'],
          widths: [70, 180, 62, 56, 56, 64],
        },
        { type: 'gap', lines: 2 },
        {
          type: 'paragraph',
          text: 'Please check this statement and tell us about any entry you do not recognise.',
        },
      ],
    },
  ];
}

const PROSE = [
  'The engagement team met the finance director on the first day of fieldwork to agree the timetable and the list of schedules that the company will prepare.',
  'Most schedules arrived on time; the fixed asset register and the lease schedule came two days late and were reviewed by the manager before the partner visit.',
  'Inventory was counted at the main warehouse and at two of the three branch sites, and the results were traced to the final stock listing without exception.',
  'Revenue recognised in the last week of the year was tested against delivery notes, and two invoices were moved into the following period by agreement.',
  'The bank confirmations were returned directly to the firm and agreed to the reconciliations, except for one dormant account that the company has since closed.',
  'Journal entries posted after the close were analysed by user and by time of posting, and the unusual entries were discussed with the financial controller.',
];

/** A letter whose body is set in two columns: no table, read left column then right. */
export function twoColumnLetter(rng: Rng): DocPage[] {
  const order = [...PROSE].sort(() => rng.next() - 0.5);
  return [
    {
      blocks: [
        { type: 'title', text: 'Hartley & Moss Chartered Accountants' },
        { type: 'line', text: 'Audit progress report, March 2024' },
        { type: 'gap', lines: 2 },
        { type: 'columns', left: order.slice(0, 3), right: order.slice(3) },
      ],
    },
  ];
}
