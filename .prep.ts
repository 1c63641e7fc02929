import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodePnm } from './device-daemon/src/devices/scanner/codec/pnm';
import { preparePage } from './device-daemon/src/scan/images';
const raw = decodePnm(readFileSync('/tmp/scanpipe/p300.pnm'));
const page = { ...raw, options: { resolution: 300, mode: 'gray', source: 'flatbed' }, bytes: 0 } as any;
for (let i = 0; i < 4; i++) {
  let t0 = performance.now();
  await preparePage(page, 70, 'fast');
  const a = performance.now() - t0; t0 = performance.now();
  const inp = sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } }).toColourspace('b-w');
  await inp.clone().jpeg({ quality: 70, quantisationTable: 3 }).toBuffer();
  const b = performance.now() - t0; t0 = performance.now();
  await inp.clone().resize(320, 320, { fit: 'inside' }).jpeg({ quality: 60 }).toBuffer();
  console.log('prepare', a.toFixed(0), 'jpeg', b.toFixed(0), 'thumb', (performance.now() - t0).toFixed(0));
}
