// Small hand-made PDFs for the extractor's tests: numbered object bodies (object 1 is the
// catalog) written with a correct cross-reference table, so pdfjs reads them without repair.
import { writeFileSync } from 'node:fs';

/** The bytes of a PDF made of `objects`; `trailerExtra` is added inside the trailer dictionary. */
export function pdfFromObjects(objects: string[], trailerExtra = ''): Buffer {
  const parts = ['%PDF-1.4\n'];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const text = `${i + 1} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    length += Buffer.byteLength(text, 'latin1');
  });
  parts.push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const offset of offsets) parts.push(`${String(offset).padStart(10, '0')} 00000 n \n`);
  parts.push(
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`,
  );
  return Buffer.from(parts.join(''), 'latin1');
}

/** Writes such a PDF to `file` and returns its path. */
export function writePdfObjects(file: string, objects: string[], trailerExtra = ''): string {
  writeFileSync(file, pdfFromObjects(objects, trailerExtra));
  return file;
}
