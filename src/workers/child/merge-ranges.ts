// Joins the raw documents of a PDF's page ranges (extracted on different threads) back into one
// document in page order, before normalization sees it, so running-header detection and
// de-hyphenation work across the whole file.
import type { DocumentQuality, ExtractedDocument, ExtractionWarning } from '../../shared/model';

function firstPage(doc: ExtractedDocument): number {
  for (const block of doc.blocks) {
    if (block.type === 'pageBreak') return block.page;
    if (block.prov.page !== undefined) return block.prov.page;
  }
  return doc.quality.perPage?.[0]?.page ?? Number.MAX_SAFE_INTEGER;
}

function mergeQuality(parts: ExtractedDocument[]): DocumentQuality {
  const perPage = parts.flatMap((p) => p.quality.perPage ?? []).sort((a, b) => a.page - b.page);
  const ocrPages = parts.reduce((n, p) => n + p.quality.ocrPages, 0);
  const quality: DocumentQuality = {
    pages: parts.reduce((n, p) => n + p.quality.pages, 0),
    textChars: parts.reduce((n, p) => n + p.quality.textChars, 0),
    ocrPages,
  };
  const confident = parts.filter(
    (p) => p.quality.ocrConfidence !== undefined && p.quality.ocrPages > 0,
  );
  if (confident.length > 0) {
    const weight = confident.reduce((n, p) => n + p.quality.ocrPages, 0);
    quality.ocrConfidence =
      confident.reduce((s, p) => s + (p.quality.ocrConfidence as number) * p.quality.ocrPages, 0) /
      weight;
  }
  const worst = parts
    .map((p) => p.quality.ocrWorstPage)
    .filter((w): w is { page: number; confidence: number } => w !== undefined)
    .sort((a, b) => a.confidence - b.confidence)[0];
  if (worst) quality.ocrWorstPage = worst;
  if (perPage.length > 0) quality.perPage = perPage;
  return quality;
}

export function mergeRangeDocuments(parts: ExtractedDocument[]): ExtractedDocument {
  if (parts.length === 1) return parts[0];
  const ordered = [...parts].sort((a, b) => firstPage(a) - firstPage(b));
  const seen = new Set<string>();
  const warnings: ExtractionWarning[] = [];
  for (const warning of ordered.flatMap((p) => p.warnings)) {
    // Document-level warnings (no page) come once per range: keep one.
    const key = `${warning.code}|${warning.page ?? ''}|${warning.sheet ?? ''}|${warning.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      warnings.push(warning);
    }
  }
  return {
    source: ordered[0].source,
    blocks: ordered.flatMap((p) => p.blocks),
    metadata: ordered[0].metadata,
    quality: mergeQuality(ordered),
    warnings,
  };
}
