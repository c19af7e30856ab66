// Reads the `folio.*` settings (scoped to the folder being extracted).
import * as vscode from 'vscode';
import { defaultSettings, type FolioSettings } from './requestOptions';

export class Settings {
  read(scope?: vscode.Uri): FolioSettings {
    const c = vscode.workspace.getConfiguration('folio', scope);
    const d = defaultSettings;
    return {
      workers: c.get<number | null>('workers', d.workers),
      memoryLimitMb: c.get<number>('memoryLimitMb', d.memoryLimitMb),
      fileTimeoutSeconds: c.get<number>('fileTimeoutSeconds', d.fileTimeoutSeconds),
      ocrEnabled: c.get<boolean>('ocr.enabled', d.ocrEnabled),
      ocrLanguages: c.get<string[]>('ocr.languages', d.ocrLanguages),
      ocrMinConfidence: c.get<number>('ocr.minConfidence', d.ocrMinConfidence),
      include: c.get<string[]>('include', d.include),
      exclude: c.get<string[]>('exclude', d.exclude),
      pdfStreamingPageThreshold: c.get<number>(
        'pdf.streamingPageThreshold',
        d.pdfStreamingPageThreshold,
      ),
      excelStreamingRowThreshold: c.get<number>(
        'excel.streamingRowThreshold',
        d.excelStreamingRowThreshold,
      ),
      excelValues: c.get<string>('excel.values', d.excelValues),
      docxReviewMarks: c.get<boolean>('docx.reviewMarks', d.docxReviewMarks),
      passwordFile: c.get<string>('passwordFile', d.passwordFile),
      nearDuplicateThreshold: c.get<number | null>(
        'nearDuplicates.threshold',
        d.nearDuplicateThreshold,
      ),
    };
  }
}
