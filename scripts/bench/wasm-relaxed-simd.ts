// Relaxed SIMD for the tesseract wasm core, for the OCR model benchmark's comparison (Folio does
// not turn it on: measured, it did not pay; see docs/performance.md). tesseract.js picks its core
// per worker thread from what the runtime validates (wasm-feature-detect): the relaxed-SIMD build
// when it can, else the plain SIMD one. VS Code's Electron and Node 22+ have relaxed SIMD on;
// Node 20's V8 has it behind `--experimental-wasm-relaxed-simd`. V8 flags are process-wide and
// wasm features are read when a module is validated or compiled, so turning the flag on before
// a tesseract worker thread starts is enough, whatever execArgv the process was given.
import v8 from 'node:v8';

export const RELAXED_SIMD_FLAG = '--experimental-wasm-relaxed-simd';

/** The module wasm-feature-detect validates for relaxed SIMD (i32x4.relaxed_trunc_f32x4_s). */
const RELAXED_SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 15, 1, 13, 0, 65, 1, 253, 15,
  65, 2, 253, 15, 253, 128, 2, 11,
]);

/** The one WebAssembly call needed; the project's TypeScript lib (no DOM) does not declare it. */
interface WasmValidator {
  validate(bytes: Uint8Array): boolean;
}

export function relaxedSimdAvailable(): boolean {
  return (globalThis as unknown as { WebAssembly: WasmValidator }).WebAssembly.validate(
    RELAXED_SIMD_PROBE,
  );
}

/**
 * Turns relaxed SIMD on where the runtime has it behind a flag, unless `FOLIO_WASM_RELAXED_SIMD`
 * is `0`. Returns whether tesseract.js will pick its relaxed-SIMD core.
 */
export function enableRelaxedSimd(env: NodeJS.ProcessEnv = process.env): boolean {
  if (relaxedSimdAvailable()) return true;
  if (env.FOLIO_WASM_RELAXED_SIMD === '0') return false;
  // An unknown flag (a V8 without this one) is reported on stderr by V8 and otherwise ignored.
  v8.setFlagsFromString(RELAXED_SIMD_FLAG);
  return relaxedSimdAvailable();
}
