// A dependency-free hook between the OCR engine and the pool thread (so a thread that never OCRs
// does not load tesseract.js just to register it). A dense page can take a minute on a busy
// machine; tesseract reports progress inside the page, and the pool's no-progress watchdog must
// see that. One pool thread runs one task at a time, so one listener per thread is enough.

let activityListener: (() => void) | undefined;

export function setOcrActivityListener(listener: (() => void) | undefined): void {
  activityListener = listener;
}

/** Called by the engine on each progress report from tesseract. */
export function reportOcrActivity(): void {
  activityListener?.();
}
