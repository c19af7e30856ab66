// Where outputs go: names derived from input paths are sanitized so no input name can write
// outside the chosen folder, and two inputs never share an output name. Writing them is
// src/shared/atomic-file.ts's job.
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Longest file-name segment we produce, in UTF-8 bytes (most file systems allow 255). */
const MAX_SEGMENT_BYTES = 180;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** Cuts a string to at most `maxBytes` UTF-8 bytes without splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/**
 * Makes one path segment safe on every platform: no separators, control characters, characters
 * Windows forbids, replacement characters from undecodable names, `.`/`..`, reserved device
 * names, or trailing dots and spaces. Long names are shortened and keep a hash of the original
 * so two long names sharing a prefix stay distinct.
 */
export function sanitizeSegment(segment: string): string {
  // eslint-disable-next-line no-control-regex
  let safe = segment.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"/\\|?*\ufffd]/g, '_');
  safe = safe.replace(/[. ]+$/, (m) => '_'.repeat(m.length));
  if (safe === '' || safe === '.' || safe === '..') safe = '_' + safe;
  if (WINDOWS_RESERVED.test(safe)) safe = '_' + safe;
  if (safe !== segment || Buffer.byteLength(safe) > MAX_SEGMENT_BYTES) {
    if (Buffer.byteLength(safe) > MAX_SEGMENT_BYTES) {
      const ext = path.extname(safe).slice(0, 16);
      const stem = truncateUtf8(safe.slice(0, safe.length - ext.length), MAX_SEGMENT_BYTES - 30);
      safe = `${stem}~${shortHash(segment)}${ext}`;
    } else if (segment.includes('\ufffd')) {
      // Undecodable names all collapse to `_`: keep them apart.
      const ext = path.extname(safe);
      safe = `${safe.slice(0, safe.length - ext.length)}~${shortHash(segment)}${ext}`;
    }
  }
  return safe;
}

/** The output path of an input, relative to the output folder: `dir/name.pdf.md`. */
export function outputRelPath(inputRel: string, format: 'md' | 'json'): string {
  const segments = inputRel.split('/').map(sanitizeSegment);
  const last = segments.length - 1;
  segments[last] = sanitizeSegment(`${segments[last]}.${format}`);
  return segments.join('/');
}

/** Resolves `rel` under `root`, refusing anything that would land outside it. */
export function resolveInside(root: string, rel: string): string {
  const base = path.resolve(root);
  const full = path.resolve(base, rel);
  if (full !== base && !full.startsWith(base + path.sep)) {
    throw new Error(`Refusing to write outside the output folder: ${rel}`);
  }
  return full;
}

/** Hands out output paths, making sure two inputs never share one (e.g. `a?.pdf` and `a_.pdf`). */
export class OutputNamer {
  private readonly used = new Set<string>();
  private readonly byInput = new Map<string, string>();

  /**
   * `inputs`: the walk's files in walk order, named up front. Files are prepared in parallel, so
   * naming them as they come made the file of two clashing names that keeps the plain one change
   * from run to run (and a resumed batch could hand a finished file's name to another).
   */
  constructor(
    private readonly format: 'md' | 'json',
    inputs: readonly string[] = [],
    /** Names given elsewhere (a queue planner's, relative to the output folder), kept as they are. */
    given: Readonly<Record<string, string>> = {},
  ) {
    for (const [rel, name] of Object.entries(given)) {
      this.used.add(name.toLowerCase());
      this.byInput.set(rel, name);
    }
    for (const rel of inputs) this.claim(rel);
  }

  /** The input's output path, the same on every call. */
  claim(inputRel: string): string {
    const known = this.byInput.get(inputRel);
    if (known !== undefined) return known;
    let rel = outputRelPath(inputRel, this.format);
    // Case-insensitive file systems would merge names that differ only in case.
    if (this.used.has(rel.toLowerCase())) {
      const ext = `.${this.format}`;
      rel = `${rel.slice(0, -ext.length)}~${shortHash(inputRel)}${ext}`;
    }
    this.used.add(rel.toLowerCase());
    this.byInput.set(inputRel, rel);
    return rel;
  }
}
