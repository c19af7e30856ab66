// Thin adapter over one tesseract.js worker (a wasm instance on its own thread), set up to run
// fully offline: language data from packaged files only, no cache written to the working
// directory, and an errorHandler so a bad image rejects one job instead of killing the thread.
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { folioError } from '../../shared/errors';
import { singleLanguageDir, type LanguageFile } from './language-data';
import { reportOcrActivity } from './ocr-activity';

const { createWorker, OEM, PSM } = Tesseract;

export type TesseractPage = Tesseract.Page;

export interface EngineSettings {
  languages: LanguageFile[];
  /** Page segmentation mode; AUTO by default. */
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

  /** The page segmentation mode the worker is set to. */
  private pageSegMode: Tesseract.PSM = PSM.AUTO;

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
        // Recognition is LSTM only; orientation and script come from OsdEngine.
        legacyCore: false,
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
    params.tessedit_pageseg_mode = settings.pageSegMode ?? PSM.AUTO;
    await worker.setParameters(params);
    engine.pageSegMode = params.tessedit_pageseg_mode;
    return engine;
  }

  get alive(): boolean {
    return this.dead === undefined;
  }

  /**
   * Recognizes one encoded image (PGM, PNG, JPEG...). `dpi` helps tesseract size its filters;
   * `asOneBlock` reads it as one block of text, without laying the page out first.
   */
  async recognize(image: Uint8Array, dpi?: number, asOneBlock = false): Promise<TesseractPage> {
    const options: Partial<Tesseract.RecognizeOptions> & Record<string, string> = {};
    if (dpi) options.user_defined_dpi = String(Math.round(dpi));
    const usual = this.pageSegMode;
    if (asOneBlock) await this.setPageSegMode(PSM.SINGLE_BLOCK);
    try {
      const result = await this.untilDeath(
        this.worker.recognize(image, options, { text: false, blocks: true }),
      );
      return result.data;
    } finally {
      if (asOneBlock) await this.setPageSegMode(usual).catch(() => undefined);
    }
  }

  private async setPageSegMode(mode: Tesseract.PSM): Promise<void> {
    if (mode === this.pageSegMode) return;
    await this.untilDeath(this.worker.setParameters({ tessedit_pageseg_mode: mode }));
    this.pageSegMode = mode;
  }

  /** Orientation and script of one encoded image (on an engine started by OsdEngine). */
  async detect(image: Uint8Array): Promise<Tesseract.DetectData> {
    return (await this.untilDeath(this.worker.detect(image))).data;
  }

  /** The job's result, or a rejection as soon as the worker dies. */
  private async untilDeath<T>(job: Promise<T>): Promise<T> {
    if (this.dead) throw this.dead;
    let rejectOnDeath: (error: Error) => void = () => undefined;
    const died = new Promise<never>((_, reject) => {
      rejectOnDeath = reject;
      this.pendingRejects.add(reject);
    });
    try {
      return await Promise.race([job, died]);
    } finally {
      this.pendingRejects.delete(rejectOnDeath);
    }
  }

  /**
   * A worker that only detects orientation and script (tesseract's OSD, the legacy classifier
   * with `osd.traineddata`): about 0.2 s on a letter page, against seconds for a recognition
   * pass, so a weak page learns how it is turned and what it is written in before any retry.
   */
  static async startOsd(osdModel: string): Promise<TesseractEngine> {
    try {
      const worker = await createWorker('osd', OEM.TESSERACT_ONLY, {
        langPath: path.dirname(osdModel),
        gzip: true,
        cacheMethod: 'none',
        legacyCore: true,
        legacyLang: true,
        errorHandler: () => undefined,
        logger: reportOcrActivity,
      });
      await worker.setParameters({ debug_file: '/dev/null' });
      return new TesseractEngine(worker);
    } catch (error) {
      throw folioError('OCR_FAILED', `The OCR engine could not start: ${String(error)}`, error);
    }
  }

  async terminate(): Promise<void> {
    this.dead ??= new Error('tesseract worker terminated');
    await this.worker.terminate();
  }
}
