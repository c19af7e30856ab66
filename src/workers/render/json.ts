import type { ExtractedDocument } from '../../shared/model';

/** The JSON rendering is the document model itself, pretty-printed. */
export function renderJson(doc: ExtractedDocument): string {
  return JSON.stringify(doc, null, 2) + '\n';
}
