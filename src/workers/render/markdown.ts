// Placeholder until the Markdown renderer lands.
import type { ExtractedDocument } from '../../shared/model';

export function renderMarkdown(doc: ExtractedDocument): string {
  return doc.blocks.map((b) => ('text' in b ? b.text : '')).join('\n\n') + '\n';
}
