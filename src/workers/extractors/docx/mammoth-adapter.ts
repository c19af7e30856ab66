// The only module that talks to mammoth: DOCX file in, HTML and plain-language warnings out.
import mammoth from 'mammoth';
import { FolioError, folioError } from '../../../shared/errors';
import type { ExtractionWarning } from '../../../shared/model';
import type { MammothZipFile } from './mammoth-source';

export interface MammothOutput {
  html: string;
  warnings: ExtractionWarning[];
}

/**
 * Word's "Title" style is the document's heading in practice (Docling reads it the same way).
 * Everything else keeps mammoth's default map (Heading 1–6, lists, footnotes).
 */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];

/** Images carry no text: an empty `src` keeps mammoth from inflating and base64-encoding them. */
const skipImagePixels = mammoth.images.imgElement(async () => ({ src: '' }));

const UNRECOGNISED_STYLE = /^Unrecognised (?:paragraph|run|table) style: '([^']*)'/;
const UNDEFINED_STYLE = /style with ID (\S+) was referenced but not defined/;
const IGNORED_ELEMENT = /^An unrecognised element was ignored: (?:\{[^}]*\})?(\S+)/;

/**
 * mammoth reports every unmapped style separately; to a reviewer they are one fact (the text is
 * kept as plain paragraphs), so they become one warning. Other messages pass through, deduplicated.
 */
export function mammothWarnings(messages: ReadonlyArray<{ message: string }>): ExtractionWarning[] {
  const styles = new Set<string>();
  const elements = new Set<string>();
  const others = new Set<string>();
  for (const { message } of messages) {
    const style = UNRECOGNISED_STYLE.exec(message) ?? UNDEFINED_STYLE.exec(message);
    const element = IGNORED_ELEMENT.exec(message);
    if (style !== null) styles.add(style[1] === 'null' ? '(unnamed)' : (style[1] as string));
    else if (element !== null) elements.add(element[1] as string);
    else others.add(message);
  }
  const warnings: ExtractionWarning[] = [];
  if (styles.size > 0) {
    warnings.push({
      code: 'CONVERSION_WARNING',
      message: `Word styles without a Markdown equivalent (${[...styles].join(', ')}): their text is kept as plain paragraphs.`,
      lossy: false,
    });
  }
  if (elements.size > 0) {
    warnings.push({
      code: 'CONVERSION_WARNING',
      message: `Word elements the converter skipped: ${[...elements].join(', ')}.`,
      lossy: false,
    });
  }
  for (const message of others) {
    warnings.push({
      code: 'CONVERSION_WARNING',
      message: `Word conversion: ${message}`,
      lossy: false,
    });
  }
  return warnings;
}

export async function convertDocxToHtml(file: MammothZipFile): Promise<MammothOutput> {
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  // mammoth's openZip takes `{ file }` (an object with exists/read) besides path and buffer;
  // its typings list only the latter two.
  const input = { file } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    result = await mammoth.convertToHtml(input, {
      styleMap: STYLE_MAP,
      convertImage: skipImagePixels,
    });
  } catch (error) {
    // The package reader's own verdicts (a bomb, a part that lies about its size) stand.
    if (error instanceof FolioError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw folioError(
      'CORRUPT',
      `The DOCX is damaged or truncated and could not be read (${reason.slice(0, 200)}).`,
      error,
    );
  }
  return { html: result.value, warnings: mammothWarnings(result.messages) };
}
