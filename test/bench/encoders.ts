import ThermalPrinterModule from 'node-thermal-printer';
import receiptline from 'receiptline';
import type { PrintDocument } from '../../device-daemon/src/devices/printer';

/**
 * The same ticket content through the two public ESC/POS encoders the bench compares ours with (dev
 * dependencies, used only here). Each maps our PrintDocument line by line to its own API with the closest
 * settings for a Chinese 80 mm printer: 48 columns, a Chinese text encoding, the QR at the same module size.
 * What each does with it, read from the bytes they make:
 * - node-thermal-printer (EPSON, character set CHINA): ESC R 15 and EUC-CN (GB2312 only: no GB18030 4-byte
 *   or extension characters), a native QR (GS ( k); its size changes use GS ! and ESC ! both.
 * - receiptline (command `escpos`, encoding gb18030): a full reset and mode preamble per document, and the
 *   QR drawn as a raster bit image (GS 8 L), thousands of bytes where a native QR is its payload plus 30.
 */
export interface PeerEncoding {
  name: string;
  encode(doc: PrintDocument): Buffer;
}

const { printer: ThermalPrinter, types, characterSet } = ThermalPrinterModule as unknown as {
  printer: new (config: Record<string, unknown>) => ThermalPrinterApi;
  types: { EPSON: string };
  characterSet: { CHINA: string };
};
interface ThermalPrinterApi {
  alignLeft(): void;
  alignCenter(): void;
  alignRight(): void;
  bold(on: boolean): void;
  setTextSize(height: number, width: number): void;
  setTextNormal(): void;
  println(text: string): void;
  newLine(): void;
  drawLine(): void;
  printQR(data: string, settings: { cellSize: number; correction: string; model: number }): void;
  cut(): void;
  getBuffer(): Buffer;
}

const align = (p: ThermalPrinterApi, a: 'left' | 'center' | 'right' | undefined) =>
  a === 'center' ? p.alignCenter() : a === 'right' ? p.alignRight() : p.alignLeft();

function nodeThermalPrinter(doc: PrintDocument): Buffer {
  // The interface is never opened: getBuffer() only returns the bytes built.
  const p = new ThermalPrinter({ type: types.EPSON, interface: 'tcp://127.0.0.1:9', characterSet: characterSet.CHINA, width: 48 });
  for (const line of doc.lines) {
    if (line.kind === 'text') {
      align(p, line.align);
      if (line.bold) p.bold(true);
      if ((line.size ?? 1) > 1) p.setTextSize(line.size! - 1, line.size! - 1);
      p.println(line.text);
      if ((line.size ?? 1) > 1) p.setTextNormal();
      if (line.bold) p.bold(false);
    } else if (line.kind === 'qr') {
      align(p, line.align);
      p.printQR(line.data, { cellSize: line.moduleSize ?? 6, correction: 'M', model: 2 });
    } else if (line.kind === 'rule') p.drawLine();
    else if (line.kind === 'feed') for (let i = 0; i < line.lines; i++) p.newLine();
    else p.cut();
  }
  return p.getBuffer();
}

const escapeText = (s: string) => s.replace(/[\\|{}\-=~_"`^]/g, (c) => `\\${c}`);
const escapeValue = (s: string) => s.replace(/[\\|{}:;]/g, (c) => `\\${c}`);
/** Our size n multiplies width and height; receiptline: ^^^ 2x, ^^^^ 3x, ^^^^^ 4x. */
const sizeMark = (n: number) => (n > 1 ? '^'.repeat(n + 1) : '');

function receiptlineMarkdown(doc: PrintDocument): string {
  const out: string[] = [];
  for (const line of doc.lines) {
    if (line.kind === 'text') {
      out.push(`{a:${line.align ?? 'left'}}`);
      const text = `${sizeMark(line.size ?? 1)}${escapeText(line.text)}`;
      out.push(line.bold ? `"${text}"` : text);
    } else if (line.kind === 'qr') out.push(`{a:${line.align ?? 'left'}}`, `{c:${escapeValue(line.data)};o:qrcode,${Math.min(8, line.moduleSize ?? 6)},m}`);
    else if (line.kind === 'rule') out.push('-');
    else if (line.kind === 'feed') for (let i = 0; i < line.lines; i++) out.push('');
    else out.push('=');
  }
  return out.join('\n') + '\n';
}

function receiptlineEscPos(doc: PrintDocument): Buffer {
  const command = receiptline.transform(receiptlineMarkdown(doc), { cpl: 48, encoding: 'gb18030', command: 'escpos', cutting: true, spacing: false });
  return Buffer.from(command, 'latin1'); // one character per byte
}

export const PEERS: PeerEncoding[] = [
  { name: 'node-thermal-printer', encode: nodeThermalPrinter },
  { name: 'receiptline', encode: receiptlineEscPos },
];
