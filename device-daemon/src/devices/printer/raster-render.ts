import { DOTS_PER_COLUMN, DOTS_PER_LINE, LINE_HEIGHT_DOTS, packGrey, type Bitmap, type RasterLine } from './codec/raster';
import { columnsOf } from './codec/text';

/** Fonts with the CJK extension blocks; fontconfig falls back further for emoji and the like. */
const FONT_FAMILY = "'WenQuanYi Zen Hei', 'Noto Sans SC', 'Noto Sans CJK SC', sans-serif";

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The SVG of one printed line: every character sits in its own cell of the printer's column grid
 * (12 dots a column, 24 dots high, times the size), so a rasterised line lines up with native ones.
 */
export function lineSvg(line: RasterLine): string {
  const cell = DOTS_PER_COLUMN * line.size;
  const height = LINE_HEIGHT_DOTS * line.size;
  const used = columnsOf(line.glyphs) * cell;
  const free = Math.max(0, DOTS_PER_LINE - used);
  let x = line.align === 'center' ? Math.floor(free / 2) : line.align === 'right' ? free : 0;
  const spans: string[] = [];
  for (const g of line.glyphs) {
    const w = g.columns * cell;
    if (g.ch !== ' ') spans.push(`<tspan x="${x + w / 2}">${escapeXml(g.ch)}</tspan>`);
    x += w;
  }
  const weight = line.bold ? ' stroke="#000" stroke-width="1"' : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${DOTS_PER_LINE}" height="${height}">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text y="${Math.round(height * 0.86)}" font-family="${FONT_FAMILY}" font-size="${height}" ` +
    `text-anchor="middle" fill="#000"${weight}>${spans.join('')}</text></svg>`
  );
}

/**
 * Rasterises through sharp (librsvg + fontconfig; fonts-wqy-zenhei carries CJK extension A). Loaded lazily:
 * most tickets never need it.
 */
export async function sharpRasteriser(line: RasterLine): Promise<Bitmap> {
  const { default: sharp } = await import('sharp');
  const { data, info } = await sharp(Buffer.from(lineSvg(line)))
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const grey = info.channels === 1 ? data : pickFirstChannel(data, info.channels);
  return packGrey(grey, info.width, info.height);
}

function pickFirstChannel(data: Buffer, channels: number): Uint8Array {
  const out = new Uint8Array(data.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels]!;
  return out;
}
