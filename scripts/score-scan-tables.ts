// Bench (not a test): CER and table-cell accuracy on the scanned-invoice family (issue 12).
//   node --import tsx scripts/score-scan-tables.ts [--markdown DIR]
// Generates the family on first use (scripts/generate-scan-tables.ts); prints a line per file
// and the totals as JSON. --markdown writes each file's Markdown there, to read the tables.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createOcrService } from '../src/workers/ocr/ocr-service';
import { familyTruths, scoreFile, summarize, type FileScore } from './scan-tables/score-family';

const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--markdown');
  const markdownDir = at >= 0 ? path.resolve(argv[at + 1]) : undefined;
  if (markdownDir) mkdirSync(markdownDir, { recursive: true });
  const ocr = createOcrService({ languages: ['eng'] });
  const started = process.cpuUsage();
  const files: FileScore[] = [];
  try {
    for (const truth of await familyTruths()) {
      const { score, markdown } = await scoreFile(truth, ocr);
      if (markdownDir) writeFileSync(path.join(markdownDir, `${truth.name}.md`), markdown);
      files.push(score);
      console.log(
        `${score.name.padEnd(34)} CER ${pct(score.cer).padStart(7)}  cells ${score.matched}/${score.cells}` +
          `  invented ${score.invented}  tables ${score.tablesFound}/${score.tablesTruth}`,
      );
    }
  } finally {
    await ocr.terminate();
  }
  const cpu = process.cpuUsage(started);
  const summary = summarize(files);
  console.log(
    JSON.stringify({
      files: files.length,
      meanCer: Math.round(summary.meanCer * 10000) / 10000,
      cellAccuracy: Math.round(summary.cellAccuracy * 10000) / 10000,
      invented: summary.invented,
      mainThreadCpuS: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    }),
  );
}

void main();
