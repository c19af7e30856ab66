// Deskew of any angle (issue 12). Tesseract copes with a degree or so of skew, but a page
// photographed 10° off reads as one line of gibberish: its lines cross each other's rows. Text
// lines are dark rows, so the row histogram of the dark pixels is sharpest (largest squared
// differences between neighbouring rows) when projected along the lines' own angle. Any turn of
// a page is a quarter turn plus a skew within ±45°: the lines are then within 45° of the rows
// (upright, upside down) or of the columns (sideways), so both profiles are searched over ±45°
// and the sharper one says the skew. Only the skew is undone here; the quarter turn is OSD's
// (page-passes), which reads a page that is exactly sideways far better than one 30° off it.
// The search runs on a downscaled, binarized copy: coarse on a sample of the points, then fine.
import type { GrayImage } from './raster';

/** Pixels of the copy the estimate works on (a 300-dpi letter page shrinks about 3.7×). */
const ESTIMATE_PIXELS = 600_000;
/** Widest skew searched off either axis: any turn is within 45° of a quarter turn. */
export const MAX_SKEW_DEGREES = 45;
/** Below this a page is read as it is: tesseract absorbs it, and a rotation would blur it. */
export const MIN_DESKEW_DEGREES = 0.5;
/**
 * How much sharper the best angle's profile must be than the upright one's to be believed.
 * A page without lines (a photo, a blank, a page turned 90°) scores about the same at every
 * angle; a skewed text page scores several times higher at its angle. Measured on generated
 * 300-dpi pages: skewed 0.3° gain 3.1, 0.8° 8.2, 3–25° 29–48, 30–45° 24–31; turned 90° or
 * 270° 8.5–9.7 (along the columns, over the rows upright), 100° 17, 60° 31.
 */
const MIN_GAIN = 2.5;
/** Dark pixels used at most (sampled evenly): enough for a stable profile, bounded cost. */
const MAX_POINTS = 120_000;
/**
 * Points the coarse search beyond 2° uses: it scores 178 angles (two axes, whole degrees over
 * ±45°), so a fifth of the ~20,000 points of an 11-pt letter page keeps an upright page's cost
 * where the 61-angle search over ±30° with all of them had it. Every generated page's angle is
 * still found with 2,000.
 */
const COARSE_POINTS = 4_000;

export interface SkewEstimate {
  /**
   * Clockwise skew of the text lines off the nearest axis, in degrees (0 when none was found):
   * a page turned 100° clockwise is sideways (90°) and skewed 10°.
   */
  degrees: number;
  /** Whether the lines run along the rows (upright or upside down) or the columns (sideways). */
  axis: 'rows' | 'columns';
  /** Profile sharpness at that angle over the sharpness upright (1 = no evidence). */
  gain: number;
}

/**
 * A copy shrunk by `factor`: one source row per band of rows, the darkest pixel of each block
 * of columns in it. Reading one row in `factor` is what makes the estimate cheap (an area
 * average reads every pixel: 29 of the 46 ms on a 300-dpi letter page); taking the darkest
 * keeps thin strokes that a plain sample would often miss.
 */
function sampleDarkest(image: GrayImage, factor: number): GrayImage {
  const width = Math.max(1, Math.floor(image.width / factor));
  const height = Math.max(1, Math.floor(image.height / factor));
  const data = new Uint8Array(width * height);
  const src = image.data;
  for (let ty = 0; ty < height; ty++) {
    const row = Math.min(image.height - 1, Math.floor((ty + 0.5) * factor)) * image.width;
    for (let tx = 0; tx < width; tx++) {
      const end = Math.min(image.width, Math.floor((tx + 1) * factor));
      let darkest = 255;
      for (let x = Math.floor(tx * factor); x < end; x++) {
        const v = src[row + x];
        if (v < darkest) darkest = v;
      }
      data[ty * width + tx] = darkest;
    }
  }
  return { width, height, data };
}

/** Otsu's threshold of a gray histogram: the level that best splits ink from paper. */
function otsu(data: Uint8Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]]++;
  let sum = 0;
  for (let v = 0; v < 256; v++) sum += v * hist[v];
  let below = 0;
  let belowSum = 0;
  let best = 0;
  let threshold = 128;
  for (let v = 0; v < 256; v++) {
    below += hist[v];
    if (below === 0) continue;
    const above = data.length - below;
    if (above === 0) break;
    belowSum += v * hist[v];
    const between = below * above * (belowSum / below - (sum - belowSum) / above) ** 2;
    if (between > best) {
      best = between;
      threshold = v;
    }
  }
  return threshold;
}

/**
 * Sharpness of the profile of the points projected along a line turned `degrees` clockwise off
 * an axis: rows (lines y = x·tan + c) take (along, across) = (x, y); columns (x = c - y·tan) take
 * (y, x) and the opposite angle.
 */
function profileScore(
  along: Float32Array,
  across: Float32Array,
  tan: number,
  rows: Float64Array,
): number {
  const offset = rows.length / 2;
  rows.fill(0);
  for (let i = 0; i < along.length; i++) {
    const r = Math.round(across[i] - along[i] * tan + offset);
    if (r >= 0 && r < rows.length) rows[r]++;
  }
  let score = 0;
  for (let r = 1; r < rows.length; r++) score += (rows[r] - rows[r - 1]) ** 2;
  return score;
}

/**
 * About `count` of the points, one at a random place in each of `count` equal runs of them, for
 * the coarse search. Points are in reading order, so every n-th one would fall on a lattice
 * across each line of ink, and the lattice's columns are a sharp column profile of their own.
 */
function sampleOf(
  xs: Float32Array,
  ys: Float32Array,
  count: number,
): { xs: Float32Array; ys: Float32Array } {
  if (xs.length <= count) return { xs, ys };
  const out = { xs: new Float32Array(count), ys: new Float32Array(count) };
  const run = xs.length / count;
  let seed = 12345; // fixed: the same page gives the same estimate
  for (let j = 0; j < count; j++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const i = Math.min(xs.length - 1, Math.floor((j + seed / 2 ** 32) * run));
    out.xs[j] = xs[i];
    out.ys[j] = ys[i];
  }
  return out;
}

/** Estimates how far the text lines of a gray page are turned off the nearest axis. */
export function estimateSkew(image: GrayImage): SkewEstimate {
  const none: SkewEstimate = { degrees: 0, axis: 'rows', gain: 1 };
  const pixels = image.width * image.height;
  const small =
    pixels > ESTIMATE_PIXELS ? sampleDarkest(image, Math.sqrt(pixels / ESTIMATE_PIXELS)) : image;
  const { width, height, data } = small;
  if (width < 16 || height < 16) return none;
  const threshold = otsu(data);
  let dark = 0;
  for (let i = 0; i < data.length; i++) if (data[i] < threshold) dark++;
  // Mostly dark is a photo or an inverted page, not ink on paper: no lines to measure.
  if (dark === 0 || dark > data.length * 0.4) return none;
  const step = Math.max(1, Math.ceil(dark / MAX_POINTS));
  const count = Math.ceil(dark / step);
  const xs = new Float32Array(count);
  const ys = new Float32Array(count);
  let seen = 0;
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x] >= threshold) continue;
      if (seen++ % step === 0 && n < count) {
        xs[n] = x - width / 2;
        ys[n] = y - height / 2;
        n++;
      }
    }
  }
  const pointsX = xs.subarray(0, n);
  const pointsY = ys.subarray(0, n);
  // A point is at most half the width plus half the height from the centre, whatever the angle.
  const rows = new Float64Array(width + height + 4);
  const tan = (deg: number) => Math.tan((deg * Math.PI) / 180);
  const score = (x: Float32Array, y: Float32Array, axis: SkewEstimate['axis'], deg: number) =>
    axis === 'rows' ? profileScore(x, y, tan(deg), rows) : profileScore(y, x, -tan(deg), rows);

  const upright = score(pointsX, pointsY, 'rows', 0);
  // Coarse: whole degrees on each axis. The peak is about as wide as a line is tall over the
  // page's width (10 px over 680 on the copy of a letter page: ±0.8°), so whole degrees do not
  // step over it. Most pages are near upright: within 2° of it all the points are scored, as
  // before the search was widened; beyond, on both axes, a sample of them shows the peak, and
  // each axis's best is scored again on all the points to compare with the rest (on a sample
  // alone, a page skewed 0.3° was once taken as skewed along its columns).
  let axis: SkewEstimate['axis'] = 'rows';
  let coarse = 0;
  let coarseScore = upright;
  const consider = (candidate: SkewEstimate['axis'], deg: number) => {
    const s = score(pointsX, pointsY, candidate, deg);
    if (s > coarseScore) [axis, coarse, coarseScore] = [candidate, deg, s];
  };
  for (const deg of [-2, -1, 1, 2]) consider('rows', deg);
  const { xs: sampleX, ys: sampleY } = sampleOf(pointsX, pointsY, COARSE_POINTS);
  for (const candidate of ['rows', 'columns'] as const) {
    let best = 0;
    let bestScore = -1;
    for (let deg = -MAX_SKEW_DEGREES; deg <= MAX_SKEW_DEGREES; deg++) {
      if (candidate === 'rows' && Math.abs(deg) <= 2) continue;
      const s = score(sampleX, sampleY, candidate, deg);
      if (s > bestScore) [best, bestScore] = [deg, s];
    }
    consider(candidate, best);
  }
  // Fine: tenths around the coarse best, with all the points.
  let bestDeg = coarse;
  let bestScore = coarseScore;
  for (let deg = coarse - 1; deg <= coarse + 1 + 1e-9; deg += 0.1) {
    const s = score(pointsX, pointsY, axis, deg);
    if (s > bestScore) [bestDeg, bestScore] = [deg, s];
  }
  const gain = upright > 0 ? bestScore / upright : 1;
  if (gain < MIN_GAIN) return { degrees: 0, axis: 'rows', gain };
  return { degrees: Math.round(bestDeg * 10) / 10, axis, gain };
}

/**
 * The image turned clockwise by `degrees` (bilinear), on a canvas large enough to hold all of
 * it; what the turn uncovers is white, like paper.
 */
export function rotateGrayFine(image: GrayImage, degrees: number): GrayImage {
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const { width: w, height: h, data: src } = image;
  const width = Math.ceil(Math.abs(w * cos) + Math.abs(h * sin) - 1e-6);
  const height = Math.ceil(Math.abs(w * sin) + Math.abs(h * cos) - 1e-6);
  const data = new Uint8Array(width * height).fill(255);
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const tcx = (width - 1) / 2;
  const tcy = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    const dy = y - tcy;
    // Inverse map: the source point that lands on (x, y) is the target turned back by `degrees`.
    let sx = -(tcx * cos) + dy * sin + cx;
    let sy = tcx * sin + dy * cos + cy;
    const out = y * width;
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = x0 < w - 1 ? x0 + 1 : x0;
      const y1 = y0 < h - 1 ? y0 + 1 : y0;
      const fx = sx - x0;
      const fy = sy - y0;
      const top = src[y0 * w + x0] + (src[y0 * w + x1] - src[y0 * w + x0]) * fx;
      const bottom = src[y1 * w + x0] + (src[y1 * w + x1] - src[y1 * w + x0]) * fx;
      data[out + x] = Math.round(top + (bottom - top) * fy);
    }
  }
  return { width, height, data };
}

/** The page with its text lines made horizontal, or the page itself when it is not skewed. */
export function deskew(image: GrayImage): { image: GrayImage; degrees: number } {
  const { degrees } = estimateSkew(image);
  if (Math.abs(degrees) <= MIN_DESKEW_DEGREES) return { image, degrees: 0 };
  return { image: rotateGrayFine(image, -degrees), degrees };
}
