// Replaces one `## Name` section of a Markdown file, leaving every other section (owned by other
// people or scripts) exactly as it was. Appends the section when it is absent.

export function replaceSection(doc: string, name: string, section: string): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${name}`);
  const body = section.endsWith('\n') ? section : section + '\n';
  if (start < 0) {
    const trimmed = doc.replace(/\n*$/, '\n');
    return `${trimmed}\n${body}`;
  }
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^## /.test(lines[i])) {
      end = i;
      break;
    }
  }
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return [before, body.replace(/\n$/, ''), ...(after ? ['', after] : [''])]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

/**
 * The text of a `### Title` sub-section inside `## Section` (up to the next heading of level 2
 * or 3), or undefined. Lets a regenerated section keep hand-written history such as a
 * before/after table.
 */
export function extractSubsection(doc: string, section: string, title: string): string | undefined {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${section}`);
  if (start < 0) return undefined;
  const sub = lines.findIndex((l, i) => i > start && l.trim() === `### ${title}`);
  if (sub < 0) return undefined;
  const nextSection = lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (nextSection >= 0 && sub > nextSection) return undefined;
  let end = lines.length;
  for (let i = sub + 1; i < lines.length; i++) {
    if (/^#{2,3} /.test(lines[i])) {
      end = i;
      break;
    }
  }
  return lines.slice(sub, end).join('\n').trimEnd();
}

/**
 * Replaces `## Name` where it is, or, when absent, inserts it before the first `## ` section
 * (right under the document's title), for a section that belongs at the top.
 */
export function upsertSectionFirst(doc: string, name: string, section: string): string {
  const lines = doc.split('\n');
  if (lines.some((l) => l.trim() === `## ${name}`)) return replaceSection(doc, name, section);
  const first = lines.findIndex((l) => /^## /.test(l));
  const body = section.replace(/\n*$/, '');
  if (first < 0) return `${doc.replace(/\n*$/, '')}\n\n${body}\n`;
  const before = lines.slice(0, first).join('\n').replace(/\n*$/, '');
  return `${before}\n\n${body}\n\n${lines.slice(first).join('\n')}`;
}
