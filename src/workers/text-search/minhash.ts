// MinHash signatures of a text's word shingles: two texts' signatures agree in about the share of
// positions that their shingle sets overlap (Jaccard similarity), so near-duplicates (a rescan of
// a signed copy, a version with a changed line) are found without comparing whole texts. Written
// here rather than taken from npm: `minhash` (0.0.9) is unmaintained and has no banding, and
// `bloom-filters` brings a dozen dependencies for one 60-line function.
import { textTokens, type TextToken } from './tokenize';

/** Hash functions per signature: the similarity estimate's standard error is about 1/√128 ≈ 0.09. */
export const SIGNATURE_SIZE = 128;
/** Words per shingle: 3 tolerates an OCR error costing only the 3 shingles around it. */
export const SHINGLE_WORDS = 3;
/** Texts with fewer shingles than this have no signature: a few words are no evidence. */
export const MIN_SHINGLES = 5;

/** Murmur3's finalizer: spreads a 32-bit value over all bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds, one per hash function: signatures from any run compare. */
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) =>
  mix(0x9e3779b9 + i * 0x7f4a7c15),
);

/** FNV-1a (over UTF-16 units) continued over `text`'s UTF-16 units from state `h`. */
function fnv1aFrom(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const SPACE = 0x20;

/** The hashes of the text's distinct word shingles (`tokens`: the text's `textTokens`, if known). */
export function shingleHashes(text: string | readonly TextToken[]): Set<number> {
  const words: string[] = [];
  const tokens = typeof text === 'string' ? textTokens(text) : text;
  for (const token of tokens) for (const part of token.parts) words.push(part);
  const hashes = new Set<number>();
  // The hash of `words[i..i+SHINGLE_WORDS).join(' ')`, computed without building the string:
  // the same values as before (signatures stored in an index still compare) for a fraction of the
  // allocation, which on a 700-page batch was most of the child's garbage collection here.
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let h = fnv1aFrom(0x811c9dc5, words[i]);
    for (let k = 1; k < SHINGLE_WORDS; k++) {
      h = Math.imul(h ^ SPACE, 0x01000193);
      h = fnv1aFrom(h, words[i + k]);
    }
    hashes.add(h >>> 0);
  }
  return hashes;
}

/** The text's signature, or undefined when it is too short to have a meaningful one. */
export function minhashSignature(text: string | readonly TextToken[]): number[] | undefined {
  const hashes = shingleHashes(text);
  if (hashes.size < MIN_SHINGLES) return undefined;
  // Typed arrays keep the 128 × shingles inner loop on unboxed 32-bit values.
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]);
      if (v < signature[i]) signature[i] = v;
    }
  }
  return Array.from(signature);
}

/** Estimated Jaccard similarity of the two texts: the share of equal positions. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
