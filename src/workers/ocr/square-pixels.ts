// Pages whose pixels are not square: a standard fax is 200 dpi across and 100 dpi down, so its
// letters come out half height and tesseract reads them poorly (the generated fax pages read at
// 88-89% confidence against 95% for a square scan of the same page). The page is stretched along
// its coarse axis to the finer resolution before any pass. Files declare their resolution (PNG
// pHYs, TIFF X/YResolution, JPEG JFIF); in a PDF it follows from where the image is placed.
import type { PixelResolution as Resolution } from '../engine/types';
import { limitPixels, resampleGray, type GrayImage } from './raster';

/** Below this difference between the two resolutions, pixels count as square. */
const SQUARE_TOLERANCE = 0.05;

export function isSquare(resolution: Resolution | undefined): boolean {
  if (!resolution || !(resolution.x > 0 && resolution.y > 0)) return true;
  return Math.abs(resolution.x / resolution.y - 1) <= SQUARE_TOLERANCE;
}

/**
 * The image with square pixels at the finer of its two resolutions (at most `maxDpi`, within
 * `maxPixels`), and that resolution; undefined when its pixels are square already.
 */
export function squarePixels(
  image: GrayImage,
  resolution: Resolution | undefined,
  maxDpi: number,
  maxPixels: number,
): { image: GrayImage; dpi: number } | undefined {
  if (!resolution || isSquare(resolution)) return undefined;
  const dpi = Math.min(maxDpi, Math.max(resolution.x, resolution.y));
  const width = Math.max(1, Math.round((image.width * dpi) / resolution.x));
  const height = Math.max(1, Math.round((image.height * dpi) / resolution.y));
  const square = resampleGray(image, width, height);
  const limited = limitPixels(square, maxPixels);
  return { image: limited, dpi: (dpi * limited.width) / square.width };
}
