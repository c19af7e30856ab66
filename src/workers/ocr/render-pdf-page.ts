// Renders one PDF page to gray pixels for OCR: pdfjs paints onto an @napi-rs/canvas at 300 dpi
// (less for huge pages, so a poster-sized page cannot allocate gigabytes), then the RGBA
// result is folded to one byte per pixel.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import type { PDFPageProxy, RenderParameters } from 'pdfjs-dist/types/src/display/api';
import { toGray, type GrayImage } from './raster';

export interface RenderSettings {
  /** Target resolution; 300 dpi is what tesseract's models are trained around. */
  dpi: number;
  /** Upper bound on the rendered pixel count; the dpi is lowered to fit. */
  maxPixels: number;
}

export const defaultRenderSettings: RenderSettings = { dpi: 300, maxPixels: 35_000_000 };

/** The dpi to render a page of `widthPt` × `heightPt` points at, within the pixel cap. */
export function renderDpi(widthPt: number, heightPt: number, settings: RenderSettings): number {
  const pixelsAt = (dpi: number) => ((widthPt * dpi) / 72) * ((heightPt * dpi) / 72);
  if (pixelsAt(settings.dpi) <= settings.maxPixels) return settings.dpi;
  return Math.floor(settings.dpi * Math.sqrt(settings.maxPixels / pixelsAt(settings.dpi)));
}

export interface RenderedPage {
  image: GrayImage;
  dpi: number;
}

/**
 * Paints a page onto a white canvas at the settings' dpi (within the pixel cap). Shared by OCR
 * (gray pixels) and the "source beside" view (a PNG of the page).
 */
export async function paintPdfPage(
  page: PDFPageProxy,
  settings: RenderSettings,
): Promise<{ canvas: Canvas; dpi: number }> {
  const unit = page.getViewport({ scale: 1 });
  const dpi = renderDpi(unit.width, unit.height, settings);
  const viewport = page.getViewport({ scale: dpi / 72 });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const canvas = createCanvas(width, height);
  // pdfjs's typings name DOM types; @napi-rs/canvas implements the same drawing API.
  const params: RenderParameters = {
    canvas: canvas as unknown as RenderParameters['canvas'],
    viewport,
    background: 'rgb(255,255,255)',
    annotationMode: 0,
  };
  await page.render(params).promise;
  return { canvas, dpi };
}

export async function renderPdfPageGray(
  page: PDFPageProxy,
  settings: RenderSettings = defaultRenderSettings,
): Promise<RenderedPage> {
  const { canvas, dpi } = await paintPdfPage(page, settings);
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const image = toGray({ width, height, channels: 4, data: rgba });
  return { image, dpi };
}
