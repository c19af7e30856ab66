// Re-creates or verifies the vendored tessdata_fast English model (media/tessdata/eng-fast/)
// from the Debian package tesseract-ocr-eng, whose eng.traineddata is upstream tessdata_fast.
// No npm package carries tessdata_fast, and Folio never downloads models, so the file lives in
// the repository; this script is how its provenance is checked.
//
//   node scripts/vendor-tessdata-fast.mjs            # verify (exit 1 on a mismatch)
//   node scripts/vendor-tessdata-fast.mjs --write    # re-create from the installed package
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

/** sha256 of the uncompressed eng.traineddata in tesseract-ocr-eng 1:4.1.0-2 (Debian bookworm). */
export const ENG_FAST_SHA256 = '7d4322bd2a7749724879683fc3912cb542f19906c83bcc1a52132556427170b2';
const installed = '/usr/share/tesseract-ocr/5/tessdata/eng.traineddata';
const vendored = path.join(import.meta.dirname, '..', 'media/tessdata/eng-fast/eng.traineddata.gz');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

if (process.argv.includes('--write')) {
  if (!existsSync(installed)) {
    console.error(`${installed} not found: apt-get install tesseract-ocr-eng`);
    process.exit(1);
  }
  const model = readFileSync(installed);
  if (sha256(model) !== ENG_FAST_SHA256) {
    console.error(
      `${installed} is not the recorded tesseract-ocr-eng 1:4.1.0-2 file (sha256 ${sha256(model)})`,
    );
    process.exit(1);
  }
  mkdirSync(path.dirname(vendored), { recursive: true });
  writeFileSync(vendored, gzipSync(model, { level: 9 }));
  console.log(`wrote ${vendored}`);
}
const model = gunzipSync(readFileSync(vendored));
const ok = sha256(model) === ENG_FAST_SHA256;
console.log(
  `${vendored}: ${model.length} bytes uncompressed, sha256 ${sha256(model)} ${ok ? 'matches' : 'DOES NOT match'} the recorded tesseract-ocr-eng 1:4.1.0-2 model`,
);
if (existsSync(installed)) {
  const same = sha256(readFileSync(installed)) === sha256(model);
  console.log(`installed ${installed}: ${same ? 'identical' : 'different'}`);
}
process.exit(ok ? 0 : 1);
