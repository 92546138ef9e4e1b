// Osaava's two Teams icons, drawn in code so the package needs no image tools: a ring with a check
// mark. Colour: white on the brand colour, 192×192. Outline: white on transparent, 32×32.
import { encodePng } from './png.ts';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
export const BRAND_COLOR = '#0F6E6E';

type Shape = (x: number, y: number) => boolean;

/** The mark in a unit square (0..1): a ring and a check mark inside it. */
function mark(stroke: number): Shape {
  const ring: Shape = (x, y) => Math.abs(Math.hypot(x - 0.5, y - 0.5) - (0.5 - stroke / 2)) <= stroke / 2;
  const check: Shape = (x, y) => nearSegment(x, y, 0.3, 0.52, 0.45, 0.67, stroke * 0.9) || nearSegment(x, y, 0.45, 0.67, 0.72, 0.36, stroke * 0.9);
  return (x, y) => ring(x, y) || check(x, y);
}

function nearSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number, width: number): boolean {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= width / 2;
}

/** Coverage of each pixel by the shape, sampled 4×4 for smooth edges; the mark fills `inset`..`1-inset`. */
function coverage(size: number, shape: Shape, inset: number): Float64Array {
  const out = new Float64Array(size * size);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = ((x + (sx + 0.5) / samples) / size - inset) / (1 - 2 * inset);
          const v = ((y + (sy + 0.5) / samples) / size - inset) / (1 - 2 * inset);
          if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && shape(u, v)) hits++;
        }
      }
      out[y * size + x] = hits / (samples * samples);
    }
  }
  return out;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function drawColorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const cover = coverage(size, mark(0.13), 0.22);
  const [r, g, b] = hexToRgb(BRAND_COLOR);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const c = cover[i] ?? 0;
    rgba[i * 4] = Math.round(r + (255 - r) * c);
    rgba[i * 4 + 1] = Math.round(g + (255 - g) * c);
    rgba[i * 4 + 2] = Math.round(b + (255 - b) * c);
    rgba[i * 4 + 3] = 255;
  }
  return encodePng(size, size, rgba);
}

export function drawOutlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const cover = coverage(size, mark(0.16), 0.06);
  const rgba = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    rgba[i * 4] = 255;
    rgba[i * 4 + 1] = 255;
    rgba[i * 4 + 2] = 255;
    rgba[i * 4 + 3] = Math.round((cover[i] ?? 0) * 255);
  }
  return encodePng(size, size, rgba);
}
