// Minimal, safe reading of small OOXML parts (core properties, workbook sheet list, rels) with
// regular expressions. There is no DTD processing at all: only the five predefined entities and
// numeric character references are decoded, so an external entity can never be resolved.

const PREDEFINED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Decodes predefined and numeric entities; any other `&name;` is left as written. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return PREDEFINED[ref] ?? whole;
  });
}

function safeCodePoint(code: number): string | undefined {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff
    ? String.fromCodePoint(code)
    : undefined;
}

/** Attributes of one start tag's text (`<sheet name="A" state="hidden"/>`), decoded. */
export function parseAttributes(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = match[1] as string;
    attributes[name] = decodeXmlEntities(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** Start tags of elements with this local name (any namespace prefix). */
export function findStartTags(xml: string, localName: string): string[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(pattern) ?? [];
}

/** Text content of the first element with this local name, decoded; undefined when absent. */
export function elementText(xml: string, localName: string): string | undefined {
  const pattern = new RegExp(`<((?:[\\w.-]+:)?${localName})(?:\\s[^>]*)?>([\\s\\S]*?)</\\1\\s*>`);
  const match = pattern.exec(xml);
  if (match === null) return undefined;
  const text = decodeXmlEntities((match[2] as string).replace(/<[^>]*>/g, '')).trim();
  return text.length > 0 ? text : undefined;
}
