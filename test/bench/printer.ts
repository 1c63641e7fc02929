import iconv from 'iconv-lite';
import { encodeDocument } from '../../device-daemon/src/devices/printer/codec/encoder';
import { decodeAll } from '../../device-daemon/src/devices/printer/codec/decoder';
import { sharpRasteriser } from '../../device-daemon/src/devices/printer/raster-render';
import { ticketDocument } from '../../device-daemon/src/queue/ticket-layout';
import type { Ticket } from '../../device-daemon/src/queue/types';
import type { PrintDocument } from '../../device-daemon/src/devices/printer';
import { verdict, type BenchRow } from './table';
import { PEERS } from './encoders';

const quick = process.env.KIOSK_BENCH_QUICK === '1';
const BAUD = 115200;
const BITS_PER_BYTE = 10; // 8N1: start + 8 data + stop

const ticket: Ticket = {
  id: '5b0c1f0e-7a3e-4d1e-9a55-3c1d2b9e0a11', number: 'A128', categoryId: 'A', categoryName: '社会民生',
  serviceDate: '2025-03-03', state: 'issued', priority: false, delivery: 'print', printed: false, realName: false,
  waitingAhead: 17, estimatedWaitMinutes: 25, counter: null,
  estimatedWait: { lowMinutes: 20, medianMinutes: 25, highMinutes: 31, text: '约 20–31 分钟', basis: 'simulation' }, issuedAt: '2025-03-03T01:30:00.000Z',
  calledAt: null, servingAt: null, doneAt: null,
};
const layout = { hallName: '潮安区政务服务中心', timeZone: 'Asia/Shanghai', publicBaseUrl: 'http://10.0.0.5:8080' };

/** Runs `fn` n times and returns calls per second. */
async function rate(n: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, n); i++) await fn(); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn();
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

const textOf = (doc: PrintDocument) =>
  doc.lines.map((l) => (l.kind === 'text' ? l.text : l.kind === 'qr' ? l.data : '')).join('\n');

/**
 * The queue ticket as ESC/POS: its size and time on a 115200-baud serial line, and how fast the encoder
 * makes it beside plain iconv-lite encoding of the same text (the floor any GB18030 encoder pays), and the
 * same ticket through node-thermal-printer and receiptline (encoders.ts). Ours is the fewest bytes because
 * it sends a mode command only when the mode changes (node-thermal-printer resets size with both ESC ! and
 * GS ! around every sized line and selects a code page with ESC R), keeps Chinese mode on from FS & at the
 * start (GB18030 2-byte text, no per-line switching), and sends the QR natively (GS ( k: its payload plus
 * 30 bytes; receiptline draws it as a raster image of several kilobytes).
 */
export async function bench(): Promise<BenchRow[]> {
  const n = quick ? 2000 : 20000;
  const doc = ticketDocument(ticket, layout);
  const opts = { rasterise: sharpRasteriser };
  const { bytes, lines } = await encodeDocument(doc, opts);
  if (!decodeAll(bytes).some((e) => e.type === 'text' && e.text === 'A128')) throw new Error('ticket does not decode');
  const wireMs = (bytes.length * BITS_PER_BYTE * 1000) / BAUD;

  const text = textOf(doc);
  const plain = await rate(n, () => iconv.encode(text, 'gb18030'));
  const encoder = await rate(n, () => encodeDocument(doc, opts));

  const rare: PrintDocument = { purpose: 'bench', lines: [{ kind: 'text', text: '申请人：张\u3400明' }] };
  const rareBytes = (await encodeDocument(rare, opts)).bytes.length;
  const rasterRate = await rate(quick ? 20 : 100, () => encodeDocument(rare, opts));
  const encodeMs = 1000 / encoder;

  // Side by side: the same ticket through the public encoders, in this run.
  const wire = (n: number) => `${((n * BITS_PER_BYTE * 1000) / BAUD).toFixed(1)} ms`;
  const peerRows: BenchRow[] = [];
  let fewest = true;
  for (const peer of PEERS) {
    const peerBytes = peer.encode(doc);
    const peerRate = await rate(Math.ceil(n / 20), () => peer.encode(doc)); // receiptline takes ms a ticket
    fewest &&= bytes.length < peerBytes.length;
    peerRows.push({
      area: 'printer',
      metric: `same ticket via ${peer.name}: bytes / wire / encode`,
      value: `${peerBytes.length} B / ${wire(peerBytes.length)} / ${((1000 / peerRate) * 1000).toFixed(0)} µs`,
      ratio: `${(peerBytes.length / bytes.length).toFixed(2)}x our bytes`,
    });
  }

  return [
    {
      area: 'printer',
      metric: 'ticket ESC/POS bytes / wire / encode (ours)',
      value: `${bytes.length} B / ${wire(bytes.length)} / ${(encodeMs * 1000).toFixed(0)} µs`,
      ratio: `${lines} lines, ${(bytes.length / Buffer.byteLength(text)).toFixed(2)}x its UTF-8 text`,
      target: verdict(`fewest of ${PEERS.length + 1} encoders`, fewest),
    },
    ...peerRows,
    { area: 'printer', metric: 'ticket wire time @115200 8N1', value: `${wireMs.toFixed(1)} ms`, ratio: `encode is ${(encodeMs / wireMs).toFixed(4)} of wire time` },
    { area: 'printer', metric: 'ticket encode throughput', value: `${Math.round(encoder)} tickets/s`, ratio: `${(encoder / plain).toFixed(2)}x plain iconv-lite (${Math.round(plain)}/s)` },
    { area: 'printer', metric: 'raster line (4-byte char) encode', value: `${rasterRate.toFixed(0)} lines/s`, ratio: `${rareBytes} B, ${((rareBytes * BITS_PER_BYTE * 1000) / BAUD).toFixed(1)} ms on the wire` },
  ];
}
