// The DOCX package as mammoth reads it, served from Folio's own zip reader: parts are inflated
// by yauzl under the package limits (mammoth's JSZip would inflate whatever a part declares), and
// a part can be replaced by a rewritten copy (document.xml with the review marks made visible)
// or hidden (comments.xml, once its comments are in the body), without writing a new zip.
import type { ZipPackage } from '../../zip/zip-package';

/** What mammoth's `openZip({ file })` expects: it calls only these two. */
export interface MammothZipFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

export interface PackageSourceOptions {
  /** Part name → text served instead of the stored part. */
  replaced?: ReadonlyMap<string, string>;
  /** Parts mammoth must not see. */
  hidden?: ReadonlySet<string>;
  /** Largest part inflated, in bytes (the package's unzip limit). */
  maxPartBytes: number;
}

async function readPart(pkg: ZipPackage, name: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  await pkg.scan(name, (chunk) => {
    chunks.push(chunk);
    total += chunk.length;
    return total < maxBytes;
  });
  return Buffer.concat(chunks);
}

function encode(bytes: Uint8Array, encoding: string | undefined): string | Uint8Array {
  if (encoding === undefined) return bytes;
  if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
  // TextDecoder drops a UTF-8 byte-order mark, as mammoth's own reader does.
  return new TextDecoder(encoding).decode(bytes);
}

export function packageSource(pkg: ZipPackage, options: PackageSourceOptions): MammothZipFile {
  const hidden = options.hidden ?? new Set<string>();
  const replaced = options.replaced ?? new Map<string, string>();
  return {
    exists: (name) => !hidden.has(name) && (replaced.has(name) || pkg.has(name)),
    read: async (name, encoding) => {
      const text = replaced.get(name);
      if (text !== undefined) return encoding === undefined ? Buffer.from(text, 'utf8') : text;
      if (hidden.has(name) || !pkg.has(name)) throw new Error(`No part ${name} in the package`);
      return encode(await readPart(pkg, name, options.maxPartBytes), encoding);
    },
  };
}
