// A text page as a 300-dpi scanner or camera would give it, turned by a small angle: Liberation
// Sans 11 pt on white, drawn turned on a canvas of the same size (as a sheet lies skewed on the
// glass). The text is known, so a reading's CER can be measured.
import { createCanvas } from '@napi-rs/canvas';
import { ensureFonts, FAMILY, grayPixels } from '../../scripts/fixtures/raster';
import type { GrayImage } from '../../src/workers/ocr/raster';

export const SKEWED_PAGE_LINES = [
  'Invoice 4471 was received on 12 March and paid in full by transfer.',
  'The balance carried forward from the previous quarter is now zero.',
  'Please keep this letter with your records for at least six years.',
  'Questions about the account may be sent to the office in Leeds.',
  'Our reference for this matter is FOL-2291; quote it when you write.',
  'Deliveries resume on Monday after the public holiday weekend.',
  'The new price list applies to every order placed from 1 April.',
  'Thank you for your custom over the last twelve months of trading.',
];

/** The page turned clockwise by `degrees`; white where the turned sheet does not reach. */
export function skewedPage(degrees: number): { image: GrayImage; text: string } {
  return drawTurned(degrees, 2550, 1300);
}

/**
 * The page turned clockwise by any angle (a photo taken sideways, upside down, 40° off) on a
 * canvas that holds all of the turned sheet, as a camera frames it: beyond 20° the same-size
 * canvas of skewedPage would cut the lines' ends off.
 */
export function turnedPage(degrees: number): { image: GrayImage; text: string } {
  const a = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.abs(Math.cos(a)), Math.abs(Math.sin(a))];
  return drawTurned(
    degrees,
    Math.ceil(2550 * cos + 1300 * sin),
    Math.ceil(2550 * sin + 1300 * cos),
  );
}

/** The 2550×1300 sheet's lines turned about the centre of a `width`×`height` white canvas. */
function drawTurned(
  degrees: number,
  width: number,
  height: number,
): { image: GrayImage; text: string } {
  ensureFonts();
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.translate(width / 2, height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.translate(-2550 / 2, -1300 / 2);
  ctx.fillStyle = '#111';
  ctx.font = `46px ${FAMILY}`; // 11 pt at 300 dpi
  SKEWED_PAGE_LINES.forEach((line, i) => ctx.fillText(line, 300, 300 + i * 100));
  return { image: grayPixels(canvas), text: SKEWED_PAGE_LINES.join('\n') };
}
