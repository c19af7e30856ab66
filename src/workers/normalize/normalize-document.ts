// Placeholder until normalization lands: returns the document unchanged.
import type { ExtractedDocument } from '../../shared/model';

export function normalizeDocument(doc: ExtractedDocument): ExtractedDocument {
  return doc;
}
