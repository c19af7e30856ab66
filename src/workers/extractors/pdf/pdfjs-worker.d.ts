// pdfjs-dist ships no typings for its worker module; we only read WorkerMessageHandler from it
// to install it on the main thread (see load-pdfjs.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
