// Document metadata from an OOXML package's docProps/core.xml (Dublin Core): title, author,
// subject and dates. Shared by the DOCX and XLSX extractors.
import type { DocumentMetadata } from '../../shared/model';
import { elementText } from './xml-text';
import type { ZipPackage } from './zip-package';

/** Real core.xml parts are a few KB; anything beyond this is not metadata worth reading. */
const CORE_XML_MAX_BYTES = 256 * 1024;

export function parseCoreProperties(xml: string): DocumentMetadata {
  const metadata: DocumentMetadata = {};
  const title = elementText(xml, 'title');
  const author = elementText(xml, 'creator');
  const subject = elementText(xml, 'subject');
  const created = elementText(xml, 'created');
  const modified = elementText(xml, 'modified');
  if (title !== undefined) metadata.title = title;
  if (author !== undefined) metadata.author = author;
  if (subject !== undefined) metadata.subject = subject;
  if (created !== undefined) metadata.created = created;
  if (modified !== undefined) metadata.modified = modified;
  return metadata;
}

/** Reads docProps/core.xml when present; metadata is optional, so a missing part is `{}`. */
export async function readCoreProperties(pkg: ZipPackage): Promise<DocumentMetadata> {
  const xml = await pkg.readText('docProps/core.xml', CORE_XML_MAX_BYTES);
  return xml === undefined ? {} : parseCoreProperties(xml);
}

/** Word's own page count from docProps/app.xml (as last saved); undefined when absent. */
export async function readAppPageCount(pkg: ZipPackage): Promise<number | undefined> {
  const xml = await pkg.readText('docProps/app.xml', CORE_XML_MAX_BYTES);
  const pages = Number(elementText(xml ?? '', 'Pages'));
  return Number.isInteger(pages) && pages > 0 ? pages : undefined;
}
