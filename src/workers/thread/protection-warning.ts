// A protected PDF that opened says so (issue 13): one with only an owner password opens without
// one and reads in full, and a reviewer must still learn that it restricted printing, copying or
// editing; one opened with the password file's password says where the password came from.
// Not lossy: nothing is missing from the text.
import type { ExtractedDocument, ExtractionWarning } from '../../shared/model';
import { PDF_OPENED_WITH_PASSWORD, PDF_OWNER_PROTECTED } from '../../shared/password-advice';

export function protectionWarning(
  doc: ExtractedDocument,
  passwordSupplied: boolean,
): ExtractionWarning | undefined {
  if (doc.source.kind !== 'pdf' || !doc.metadata.encrypted) return undefined;
  return {
    code: 'PROTECTED',
    message: passwordSupplied ? PDF_OPENED_WITH_PASSWORD : PDF_OWNER_PROTECTED,
    lossy: false,
  };
}
