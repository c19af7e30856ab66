// Decodes image files to rasters, one frame at a time, with pure-JS decoders only: PNG with
// pngjs, JPEG with pdfjs's own decoder, BMP with a small local decoder, TIFF (multi-page, CCITT
// fax, LZW, ...) with utif2. Not @napi-rs/canvas: its Skia decoder segfaults the whole process
// on damaged PNG or JPEG bytes, where these throw an error we can report as CORRUPT.
import { PNG } from 'pngjs';
import UTIF from 'utif2';
import { folioError } from '../../../shared/errors';
import type { RasterImage } from '../../engine/types';
import { loadImageDecoders, type ImageDecoders } from '../pdf/load-pdfjs';
import { decodeBmp } from './decode-bmp';
import { jpegResolution, pngResolution, tiffResolution } from './image-resolution';

const damaged = (cause: unknown) =>
  folioError('CORRUPT', 'The image data is damaged and cannot be decoded.', cause);

function decodePng(bytes: Buffer): RasterImage {
  try {
    // Colour types, bit depths, palettes and interlacing come out as 8-bit RGBA.
    const png = PNG.sync.read(bytes);
    const resolution = pngResolution(bytes);
    return { width: png.width, height: png.height, channels: 4, data: png.data, resolution };
  } catch (error) {
    throw damaged(error);
  }
}

let quieted = false;

function decodeJpeg(
  bytes: Buffer,
  { JpegImage, setVerbosityLevel, VerbosityLevel }: ImageDecoders,
): RasterImage {
  // pdfjs's decoder logs recoverable oddities; the extractor reports what matters itself.
  if (!quieted) setVerbosityLevel(VerbosityLevel.ERRORS);
  quieted = true;
  try {
    const jpeg = new JpegImage();
    jpeg.parse(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    const { width, height } = jpeg;
    if (!(width > 0 && height > 0)) throw new Error('no frame');
    // Gray JPEGs (most scans) stay one byte per pixel; colour ones come out as RGBA.
    const resolution = jpegResolution(bytes);
    if (jpeg.numComponents === 1) {
      return { width, height, channels: 1, data: jpeg.getData({ width, height }), resolution };
    }
    const data = jpeg.getData({ width, height, forceRGBA: true, isSourcePDF: false });
    return { width, height, channels: 4, data, resolution };
  } catch (error) {
    throw damaged(error);
  }
}

function decodeTiffFrame(bytes: Buffer, ifd: UTIF.IFD): RasterImage {
  try {
    UTIF.decodeImage(bytes, ifd);
    const data = UTIF.toRGBA8(ifd);
    if (!(ifd.width > 0 && ifd.height > 0) || data.length < ifd.width * ifd.height * 4) {
      throw new Error('frame decoded to fewer pixels than it declares');
    }
    return {
      width: ifd.width,
      height: ifd.height,
      channels: 4,
      data,
      resolution: tiffResolution(ifd),
    };
  } catch (error) {
    throw damaged(error);
  } finally {
    // Let the decoded pixels go with the raster we return, not stay on the directory.
    (ifd as { data?: Uint8Array }).data = undefined;
  }
}

/** Yields the frames of an image file in order; only one decoded frame is held at a time. */
export async function* decodeFrames(bytes: Buffer, mime: string): AsyncGenerator<RasterImage> {
  if (mime === 'image/png') return yield decodePng(bytes);
  if (mime === 'image/jpeg') return yield decodeJpeg(bytes, await loadImageDecoders());
  if (mime === 'image/bmp') return yield decodeBmp(bytes);
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(bytes).filter((ifd) => Array.isArray(ifd.t256));
  } catch (error) {
    throw damaged(error);
  }
  for (const ifd of ifds) yield decodeTiffFrame(bytes, ifd);
}
