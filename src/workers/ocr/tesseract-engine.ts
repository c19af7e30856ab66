// Thin adapter over one tesseract.js worker (a wasm instance on its own thread), set up to run
// fully offline: language data from packaged files only, no cache written to the working
// directory, and an errorHandler so a bad image rejects one job instead of killing the thread.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import Tesseract from 'tesseract.js';
import { folioError } from '../../shared/errors';
import { singleLanguageDir, type LanguageFile } from './language-data';
import { reportOcrActivity } from './ocr-activity';

const { createWorker, OEM, PSM } = Tesseract;

export type TesseractPage = Tesseract.Page;

export interface EngineSettings {
  languages: LanguageFile[];
  /** Path of osd.traineddata.gz: enables orientation detection (PSM AUTO_OSD). */
  osdModel?: string;
  /** Page segmentation mode when OSD is off; AUTO by default. */
  pageSegMode?: Tesseract.PSM;
  /** Extra tesseract variables (e.g. `tessedit_do_invert`). */
  parameters?: Record<string, string>;
}

/** The shape of tesseract.js's Node worker object we rely on beyond its typings. */
interface NodeThreadHandle {
  worker?: { on(event: 'error' | 'exit', listener: (arg: unknown) => void): void };
}

export class TesseractEngine {
  private dead: Error | undefined;
  private readonly pendingRejects = new Set<(error: Error) => void>();

  private constructor(private readonly worker: Tesseract.Worker) {
    // A wasm abort or thread exit would otherwise leave the job's promise pending forever.
    const thread = (worker as unknown as NodeThreadHandle).worker;
    const fail = (why: unknown) => {
      this.dead = new Error(
        `tesseract worker stopped: ${why instanceof Error ? why.message : String(why)}`,
      );
      for (const reject of this.pendingRejects) reject(this.dead);
      this.pendingRejects.clear();
    };
    thread?.on('error', fail);
    thread?.on('exit', (code) => fail(`exit code ${String(code)}`));
  }

  static async start(settings: EngineSettings): Promise<TesseractEngine> {
    const codes = settings.languages.map((l) => l.code);
    let worker: Tesseract.Worker;
    try {
      worker = await createWorker(codes, OEM.LSTM_ONLY, {
        langPath: singleLanguageDir(settings.languages),
        gzip: true,
        // 'none': never read or write `<lang>.traineddata` in the working directory.
        cacheMethod: 'none',
        // The full core (not the LSTM-only build) carries the legacy classifier OSD needs.
        legacyCore: settings.osdModel !== undefined,
        // Errors arrive as rejected jobs; without a handler tesseract.js rethrows them
        // from its message listener, which takes the whole thread down.
        errorHandler: () => undefined,
        logger: reportOcrActivity,
      });
    } catch (error) {
      throw folioError('OCR_FAILED', `The OCR engine could not start: ${String(error)}`, error);
    }
    const engine = new TesseractEngine(worker);
    // Tesseract prints resolution estimates and warnings per page; keep them out of our logs.
    const params: Partial<Tesseract.WorkerParams> = {
      debug_file: '/dev/null',
      ...settings.parameters,
    };
    if (settings.osdModel) {
      // AUTO_OSD loads `osd.traineddata` from the wasm file system on first use.
      await worker.FS('writeFile', [
        '/osd.traineddata',
        gunzipSync(readFileSync(settings.osdModel)),
      ]);
      params.tessedit_pageseg_mode = PSM.AUTO_OSD;
    } else {
      params.tessedit_pageseg_mode = settings.pageSegMode ?? PSM.AUTO;
    }
    await worker.setParameters(params);
    return engine;
  }

  get alive(): boolean {
    return this.dead === undefined;
  }

  /**
   * Recognizes one encoded image (PGM, PNG, JPEG...). `dpi` helps tesseract size its filters.
   * `orientation: false` skips orientation detection for this page on an engine started with
   * it (PSM AUTO instead of AUTO_OSD, set for this call only).
   */
  async recognize(
    image: Uint8Array,
    dpi?: number,
    call: { orientation?: boolean } = {},
  ): Promise<TesseractPage> {
    if (this.dead) throw this.dead;
    const options: Partial<Tesseract.RecognizeOptions> & Record<string, string> = {};
    if (dpi) options.user_defined_dpi = String(Math.round(dpi));
    if (call.orientation === false) options.tessedit_pageseg_mode = String(PSM.AUTO);
    let rejectOnDeath: (error: Error) => void = () => undefined;
    const died = new Promise<never>((_, reject) => {
      rejectOnDeath = reject;
      this.pendingRejects.add(reject);
    });
    try {
      const result = await Promise.race([
        this.worker.recognize(image, options, { text: false, blocks: true }),
        died,
      ]);
      return result.data;
    } finally {
      this.pendingRejects.delete(rejectOnDeath);
    }
  }

  async terminate(): Promise<void> {
    this.dead ??= new Error('tesseract worker terminated');
    await this.worker.terminate();
  }
}
