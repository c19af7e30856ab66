// The resolution image files declare: PNG pHYs, JPEG JFIF, TIFF X/YResolution.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PNG } from 'pngjs';
import {
  jpegResolution,
  pngResolution,
  tiffResolution,
} from '../../../../../src/workers/extractors/image/image-resolution';

/** A PNG with a pHYs chunk of the given pixels per metre inserted after IHDR. */
function pngWithPhys(xPerMetre: number, yPerMetre: number, unit = 1): Buffer {
  const png = PNG.sync.write(new PNG({ width: 2, height: 2 }));
  const phys = Buffer.alloc(21);
  phys.writeUInt32BE(9, 0);
  phys.write('pHYs', 4, 'latin1');
  phys.writeUInt32BE(xPerMetre, 8);
  phys.writeUInt32BE(yPerMetre, 12);
  phys[16] = unit;
  // The CRC is not checked by the reader; IHDR ends at 8 + 25.
  return Buffer.concat([png.subarray(0, 33), phys, png.subarray(33)]);
}

test('PNG: pHYs in pixels per metre, as dpi; none, or an aspect-only unit, says nothing', () => {
  const fax = pngResolution(pngWithPhys(7874, 3937));
  assert.ok(fax);
  assert.ok(Math.abs(fax.x - 200) < 0.01 && Math.abs(fax.y - 100) < 0.01);
  assert.equal(pngResolution(pngWithPhys(7874, 3937, 0)), undefined);
  assert.equal(pngResolution(PNG.sync.write(new PNG({ width: 2, height: 2 }))), undefined);
});

test('JPEG: the JFIF density in dpi or dots per cm', () => {
  const jfif = (units: number, x: number, y: number) =>
    Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0,
      16,
      74,
      70,
      73,
      70,
      0,
      1,
      1,
      units,
      x >> 8,
      x & 255,
      y >> 8,
      y & 255,
    ]);
  assert.deepEqual(jpegResolution(jfif(1, 200, 100)), { x: 200, y: 100 });
  const cm = jpegResolution(jfif(2, 118, 118));
  assert.ok(cm && Math.abs(cm.x - 299.72) < 0.01);
  assert.equal(jpegResolution(jfif(0, 1, 1)), undefined);
  assert.equal(jpegResolution(Uint8Array.from([0xff, 0xd8, 0xff, 0xe1])), undefined);
});

test('TIFF: XResolution and YResolution rationals in their unit', () => {
  assert.deepEqual(tiffResolution({ t282: [[200, 1]], t283: [[100, 1]], t296: [2] } as never), {
    x: 200,
    y: 100,
  });
  const cm = tiffResolution({ t282: [[800, 10]], t283: [[800, 10]], t296: [3] } as never);
  assert.ok(cm && Math.abs(cm.x - 203.2) < 0.01);
  assert.equal(tiffResolution({ t282: [[72, 1]], t283: [[72, 1]], t296: [1] } as never), undefined);
  assert.equal(tiffResolution({} as never), undefined);
});
