// A white page with one black block (a stand-in for a recognised word), and the box of its dark
// pixels as fractions of the page: what the box-transform tests compare.
import type { WordBox } from '../../src/shared/ocr-words';
import type { GrayImage } from '../../src/workers/ocr/raster';

/** `block` is `[x0, y0, x1, y1]` in pixels, end exclusive. */
export function pageWithBlock(
  width: number,
  height: number,
  block: [number, number, number, number],
): GrayImage {
  const data = new Uint8Array(width * height).fill(255);
  for (let y = block[1]; y < block[3]; y++)
    data.fill(0, y * width + block[0], y * width + block[2]);
  return { width, height, data };
}

export function darkBox(image: GrayImage): WordBox {
  let x0 = image.width;
  let y0 = image.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.data[y * image.width + x]! >= 128) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  return [x0 / image.width, y0 / image.height, (x1 + 1) / image.width, (y1 + 1) / image.height];
}
