// Decodes image files to RGBA rasters, one frame at a time: PNG, JPEG and BMP through
// @napi-rs/canvas (Skia's decoders), TIFF (including multi-page and CCITT fax compression)
// through utif2, a pure-JS decoder shipped as an npm package.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { folioError } from '../../../shared/errors';
import type { RasterImage } from '../../engine/types';

const damaged = (cause: unknown) =>
  folioError('CORRUPT', 'The image data is damaged and cannot be decoded.', cause);

async function decodeWithCanvas(bytes: Buffer): Promise<RasterImage> {
  let image;
  try {
    image = await loadImage(bytes);
  } catch (error) {
    throw damaged(error);
  }
  if (!(image.width > 0 && image.height > 0)) throw damaged('decoded to an empty image');
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  // Paper is white: transparent areas must not read as black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, image.width, image.height);
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  return { width: image.width, height: image.height, channels: 4, data };
}

function decodeTiffFrame(bytes: Buffer, ifd: UTIF.IFD): RasterImage {
  try {
    UTIF.decodeImage(bytes, ifd);
    const data = UTIF.toRGBA8(ifd);
    if (!(ifd.width > 0 && ifd.height > 0) || data.length < ifd.width * ifd.height * 4) {
      throw new Error('frame decoded to fewer pixels than it declares');
    }
    return { width: ifd.width, height: ifd.height, channels: 4, data };
  } catch (error) {
    throw damaged(error);
  } finally {
    // Let the decoded pixels go with the raster we return, not stay on the directory.
    (ifd as { data?: Uint8Array }).data = undefined;
  }
}

/** Yields the frames of an image file in order; only one decoded frame is held at a time. */
export async function* decodeFrames(bytes: Buffer, mime: string): AsyncGenerator<RasterImage> {
  if (mime !== 'image/tiff') {
    yield await decodeWithCanvas(bytes);
    return;
  }
  let ifds: UTIF.IFD[];
  try {
    ifds = UTIF.decode(bytes).filter((ifd) => Array.isArray(ifd.t256));
  } catch (error) {
    throw damaged(error);
  }
  for (const ifd of ifds) yield decodeTiffFrame(bytes, ifd);
}
