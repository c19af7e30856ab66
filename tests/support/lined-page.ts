import type { GrayImage } from '../../src/workers/ocr/raster';

/** A white page with `lines` dark bars `line` px tall, `gap` px apart, across 80% of the width. */
export function linedPage(width: number, lines: number, line: number, gap: number): GrayImage {
  const height = lines * (line + gap) + gap;
  const data = new Uint8Array(width * height).fill(240);
  for (let i = 0; i < lines; i++) {
    const top = gap + i * (line + gap);
    for (let y = top; y < top + line; y++) {
      for (let x = Math.floor(width * 0.1); x < Math.floor(width * 0.9); x += 2) {
        data[y * width + x] = 20;
      }
    }
  }
  return { width, height, data };
}
