import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { decodePnm } from './device-daemon/src/devices/scanner/codec/pnm';
const raw = decodePnm(readFileSync(process.argv[2] ?? '/tmp/scanpipe/p300.pnm'));
const inp = () => sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
const jpeg = await inp().jpeg({ quality: 70, quantisationTable: 3 }).toBuffer();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const run = async (label: string, f: () => Promise<Buffer>) => { const c0 = cpu(); const t0 = performance.now(); const b = await f(); console.log(label.padEnd(22), 'wall', (performance.now() - t0).toFixed(0).padStart(5), 'cpu', (cpu() - c0).toFixed(0).padStart(5), b.length); };
for (let i = 0; i < 3; i++) {
  await run('jpeg', () => inp().jpeg({ quality: 70, quantisationTable: 3 }).toBuffer());
  await run('thumb raw lanczos', () => inp().resize(320, 320, { fit: 'inside' }).jpeg({ quality: 60 }).toBuffer());
  await run('thumb raw linear', () => inp().resize(320, 320, { fit: 'inside', kernel: 'linear' }).jpeg({ quality: 60 }).toBuffer());
  await run('thumb raw nearest', () => inp().resize(320, 320, { fit: 'inside', kernel: 'nearest' }).jpeg({ quality: 60 }).toBuffer());
  await run('thumb from jpeg', () => sharp(jpeg).resize(320, 320, { fit: 'inside' }).jpeg({ quality: 60 }).toBuffer());
}
