import iconv from 'iconv-lite';
import { DeviceError } from '../../core/device-error';

/**
 * The text of a scanned code. Scanners pass the code's bytes through: a code made on a Chinese system is
 * usually GB18030 (GBK), a newer one UTF-8. `auto` decodes both ways: bytes that are not valid UTF-8 are
 * GB18030; bytes valid in both (短 GBK text often is: D4A4 is U+0524 in UTF-8) go to the reading with more
 * characters a hall's codes use (ASCII, CJK, CJK punctuation and full-width forms), UTF-8 on a tie.
 */
export type QrEncoding = 'auto' | 'utf-8' | 'gb18030';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

export function decodeScan(bytes: Uint8Array, encoding: QrEncoding): string {
  try {
    if (encoding === 'utf-8') return stripBom(utf8.decode(bytes));
    if (encoding === 'gb18030') return gb18030.decode(bytes);
    let asUtf8: string;
    try {
      asUtf8 = stripBom(utf8.decode(bytes));
    } catch {
      return gb18030.decode(bytes);
    }
    const asGb = tryDecode(gb18030, bytes);
    return asGb !== undefined && plausible(asGb) > plausible(asUtf8) ? asGb : asUtf8;
  } catch {
    throw new DeviceError('qrReader', 'QR_UNREADABLE_TEXT', '扫到的内容不是可识别的文字');
  }
}

/** Control characters other than TAB, CR and LF mean noise on the line, not a code a person holds. */
export function isPrintable(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- the point is to find control characters
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The share of characters in the ranges codes of a Chinese hall use. */
function plausible(text: string): number {
  const chars = Array.from(text);
  const ok = chars.filter((c) => /[\u0020-\u007e\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(c)).length;
  return chars.length === 0 ? 0 : ok / chars.length;
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/** The text encoded as a scanner configured for `encoding` would send it (simulator, tests). */
export function encodeScan(text: string, encoding: Exclude<QrEncoding, 'auto'>): Buffer {
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'gb18030');
}
