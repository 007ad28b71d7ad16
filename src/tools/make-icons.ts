// Draws the toolbar and store icons (a shield with an exclamation mark) as PNG files in
// public/icons/, with Node's zlib only: no image package is needed for a shape this simple.
// usage: npx tsx src/tools/make-icons.ts
import { crc32, deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const SIZES = [16, 32, 48, 128];
const SHIELD = [0x1d, 0x4e, 0xd8];
const MARK = [0xff, 0xff, 0xff];
const SUPERSAMPLING = 4;

/** Which part of the unit square a point is in: 2 the mark, 1 the shield, 0 outside. */
function classifyPoint(x: number, y: number): 0 | 1 | 2 {
  const halfWidth = y < 0.55 ? 0.42 : 0.42 * Math.sqrt(Math.max(0, (0.95 - y) / 0.4));
  if (y < 0.06 || y > 0.95 || Math.abs(x - 0.5) > halfWidth) return 0;
  const isBar = Math.abs(x - 0.5) < 0.07 && y > 0.2 && y < 0.58;
  const isDot = Math.hypot(x - 0.5, y - 0.72) < 0.075;
  return isBar || isDot ? 2 : 1;
}

function drawPixels(size: number): Buffer {
  const rowLength = 1 + size * 4;
  const pixels = Buffer.alloc(rowLength * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const counts = [0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const part = classifyPoint((px + (sx + 0.5) / SUPERSAMPLING) / size, (py + (sy + 0.5) / SUPERSAMPLING) / size);
          counts[part] = (counts[part] ?? 0) + 1;
        }
      }
      const [, shield = 0, mark = 0] = counts;
      const covered = shield + mark;
      const offset = py * rowLength + 1 + px * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = covered === 0 ? 0 : Math.round(((SHIELD[channel] ?? 0) * shield + (MARK[channel] ?? 0) * mark) / covered);
      }
      pixels[offset + 3] = Math.round((255 * covered) / SUPERSAMPLING ** 2);
    }
  }
  return pixels;
}

function encodeChunk(type: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(data.length, 0);
  header.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([header.subarray(4), data])), 0);
  return Buffer.concat([header, data, crc]);
}

export function encodePng(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    encodeChunk('IHDR', header),
    encodeChunk('IDAT', deflateSync(drawPixels(size), { level: 9 })),
    encodeChunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) {
  writeFileSync(new URL(`../../public/icons/icon-${size}.png`, import.meta.url), encodePng(size));
}
console.log(`wrote ${SIZES.length} icons to public/icons/`);
