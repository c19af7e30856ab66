// Takes the OCR'd words off a document's page qualities before it is normalized and rendered:
// they go to the words sidecar only, so the Markdown, the JSON output and the report are the
// same with or without them.
import type { ExtractedDocument } from '../../shared/model';
import type { PageWords } from '../output/words-sidecar';

export function takeWords(raw: ExtractedDocument): { doc: ExtractedDocument; pages: PageWords[] } {
  const perPage = raw.quality.perPage;
  if (!perPage?.some((p) => p.words)) return { doc: raw, pages: [] };
  const pages: PageWords[] = [];
  const bare = perPage.map(({ words, ...quality }) => {
    if (words && words.length > 0) pages.push({ page: quality.page, words });
    return quality;
  });
  return { doc: { ...raw, quality: { ...raw.quality, perPage: bare } }, pages };
}
