// A thin adapter over yauzl for Office (OOXML) packages: lists the central directory without
// inflating anything, and reads single parts with a byte cap. Office libraries (mammoth's JSZip,
// exceljs's unzipper) inflate whatever a package declares, so every size check happens here
// first, from the central directory alone.
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { folioError } from '../../shared/errors';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  /** As declared by the central directory (checked by yauzl while inflating). */
  uncompressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  encrypted: boolean;
}

/** What the package claims to be, from its part names (not its file name). */
export type OfficePackageKind = 'docx' | 'xlsx';

/** A plain label for messages, e.g. "DOCX", "XLSX" or "zip package". */
export function packageLabel(kind: OfficePackageKind | undefined): string {
  return kind === undefined ? 'zip package' : kind.toUpperCase();
}

/**
 * DOCX when the package has its main document part; XLSX when it has a workbook part, or at
 * least worksheet parts (a damaged or hand-made workbook is still read as far as it goes).
 */
export function officeKindOf(names: Iterable<string>): OfficePackageKind | undefined {
  let xlsx = false;
  for (const name of names) {
    if (name === 'word/document.xml' || name === 'word/document2.xml') return 'docx';
    if (name === 'xl/workbook.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(name)) xlsx = true;
  }
  return xlsx ? 'xlsx' : undefined;
}

function corrupt(label: string, cause?: unknown): Error {
  return folioError(
    'CORRUPT',
    `The ${label} is damaged or truncated: its zip structure cannot be read.`,
    cause,
  );
}

/**
 * A part that overshoots its declared size by this much is a bomb, not damage: a flipped byte
 * makes DEFLATE fail or drift by kilobytes, not tens of megabytes. Checking this far (instead of
 * up to the whole unzip limit) keeps a lying bomb's rejection to a fraction of a second.
 */
const BOMB_EVIDENCE_BYTES = 64 * 1024 * 1024;

/** An open package: the central directory is read once, parts are inflated on demand. */
export class ZipPackage {
  readonly entries: ReadonlyMap<string, ZipEntryInfo>;
  readonly kind: OfficePackageKind | undefined;
  /**
   * A part that inflates past its declared size is a bomb only if it really reaches this many
   * bytes; a byte flipped in the compressed data also overshoots, and that is damage, not a bomb.
   */
  maxInflatedBytes = 1024 * 1024 * 1024;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly raw: Map<string, yauzl.Entry>,
    entries: Map<string, ZipEntryInfo>,
    private readonly labelHint: string | undefined,
  ) {
    this.entries = entries;
    this.kind = officeKindOf(entries.keys());
  }

  /** Opens the package and lists its central directory; CORRUPT when that is unreadable. */
  static async open(path: string, labelHint?: string): Promise<ZipPackage> {
    const label = labelHint ?? 'zip package';
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, {
        lazyEntries: true,
        autoClose: false,
        decodeStrings: true,
        validateEntrySizes: true,
      });
    } catch (error) {
      throw corrupt(label, error);
    }
    const raw = new Map<string, yauzl.Entry>();
    const entries = new Map<string, ZipEntryInfo>();
    try {
      for await (const entry of zip.eachEntry()) {
        raw.set(entry.fileName, entry);
        entries.set(entry.fileName, {
          name: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
          method: entry.compressionMethod,
          encrypted: entry.isEncrypted(),
        });
      }
    } catch (error) {
      zip.close();
      throw corrupt(label, error);
    }
    return new ZipPackage(zip, raw, entries, labelHint);
  }

  get label(): string {
    return this.labelHint ?? packageLabel(this.kind);
  }

  has(name: string): boolean {
    return this.raw.has(name);
  }

  names(): string[] {
    return [...this.raw.keys()];
  }

  /**
   * Inflates one part, stopping after `maxBytes` (the result is then cut there). Undefined when
   * the part does not exist. A damaged part is CORRUPT.
   */
  async readText(name: string, maxBytes = 16 * 1024 * 1024): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    let total = 0;
    const found = await this.scan(name, (chunk) => {
      const room = maxBytes - total;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.length, room);
      return total < maxBytes;
    });
    return found ? Buffer.concat(chunks).toString('utf8') : undefined;
  }

  /**
   * Streams one part's inflated bytes to `onChunk` until it returns false. Returns false when
   * the part does not exist. Memory stays at one chunk whatever the part's size.
   */
  async scan(name: string, onChunk: (chunk: Buffer) => boolean): Promise<boolean> {
    const entry = this.raw.get(name);
    if (entry === undefined) return false;
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw corrupt(this.label, error);
    }
    try {
      for await (const chunk of stream) {
        if (!onChunk(chunk as Buffer)) break;
      }
    } catch (error) {
      // yauzl stops a part that inflates past its declared size: a bomb hiding behind small
      // declarations, caught after at most the declared size (plus one chunk) was produced.
      if (error instanceof Error && /too many bytes in the stream/.test(error.message)) {
        const evidence = Math.min(
          this.maxInflatedBytes,
          entry.uncompressedSize + BOMB_EVIDENCE_BYTES,
        );
        if ((await this.inflatesBeyond(entry, evidence)) === true) {
          const declared = entry.uncompressedSize.toLocaleString('en-US');
          throw folioError(
            'TOO_LARGE',
            evidence === this.maxInflatedBytes
              ? `The ${this.label} looks like a zip bomb: part ${name} inflates beyond the ${Math.round(this.maxInflatedBytes / 1048576).toLocaleString('en-US')} MB limit while declaring ${declared} bytes; it was not unpacked.`
              : `The ${this.label} looks like a zip bomb: part ${name} inflates more than ${BOMB_EVIDENCE_BYTES / 1048576} MB beyond the ${declared} bytes it declares; it was not unpacked.`,
            error,
          );
        }
        throw folioError(
          'CORRUPT',
          `The ${this.label} is damaged: part ${name} does not match the size it declares.`,
          error,
        );
      }
      throw corrupt(this.label, error);
    } finally {
      stream.destroy();
    }
    return true;
  }

  /**
   * Inflates a part's raw data, counting and discarding bytes, until it passes `cap` (true), ends,
   * or turns out to be invalid DEFLATE (false). Memory stays at one chunk; time is bounded by `cap`.
   */
  private async inflatesBeyond(entry: yauzl.Entry, cap: number): Promise<boolean> {
    if (entry.compressionMethod !== 8) return false;
    let raw: Readable;
    try {
      raw = await this.zip.openReadStreamPromise(entry, { decompress: false });
    } catch {
      return false;
    }
    const inflate = zlib.createInflateRaw();
    raw.pipe(inflate);
    let total = 0;
    try {
      for await (const chunk of inflate) {
        total += (chunk as Buffer).length;
        if (total > cap) return true;
      }
    } catch {
      return false;
    } finally {
      raw.destroy();
      inflate.destroy();
    }
    return false;
  }

  close(): void {
    this.zip.close();
  }
}

/** Opens a package, runs `use`, and always closes it. */
export async function withZipPackage<T>(
  path: string,
  labelHint: string | undefined,
  use: (pkg: ZipPackage) => Promise<T>,
): Promise<T> {
  const pkg = await ZipPackage.open(path, labelHint);
  try {
    return await use(pkg);
  } finally {
    pkg.close();
  }
}

/** DEFLATE cannot expand data more than about 1032×, so this bounds what any part can inflate to. */
export const DEFLATE_MAX_RATIO = 1032;

/**
 * Office libraries (JSZip, unzipper) trust the sizes a package declares. When the compressed
 * bytes could hide more than `maxBytes`, every part is inflated once through yauzl, which checks
 * each part against its declared size and stops at the first that overshoots, so memory stays
 * at one chunk. Small packages are provably bounded and skip this pass.
 */
export async function verifyDeclaredSizes(pkg: ZipPackage, maxBytes: number): Promise<void> {
  let compressed = 0;
  for (const entry of pkg.entries.values()) compressed += entry.compressedSize;
  if (compressed * DEFLATE_MAX_RATIO <= maxBytes) return;
  for (const entry of pkg.entries.values()) {
    if (entry.method === 0 || entry.name.endsWith('/')) continue;
    await pkg.scan(entry.name, () => true);
  }
}
