import type { ByteTransport } from '../../core/transport';
import { wireTimeMs } from '../../core/serial-transport';
import { NOT_READY_MESSAGES, printFailed } from '../readiness';

/**
 * Writes a print job with a deadline: its wire time at `baudRate` (10 bits a byte, 8N1; none for USB) plus
 * `extraMs`. Past it: PRINTER_TIMEOUT (a blocked character device, a stalled port); a failing write:
 * PRINTER_OFFLINE with the transport's reason.
 */
export async function writeWithDeadline(transport: ByteTransport, bytes: Buffer, baudRate: number | undefined, extraMs: number): Promise<void> {
  const wireMs = baudRate ? Math.ceil(wireTimeMs(bytes.length, baudRate)) : 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(printFailed('TIMEOUT')), wireMs + extraMs);
  });
  try {
    await Promise.race([transport.write(bytes), deadline]);
  } catch (err) {
    if ((err as { code?: string }).code === 'PRINTER_TIMEOUT') throw err;
    throw printFailed('OFFLINE', `${NOT_READY_MESSAGES.OFFLINE}（${(err as Error).message}）`);
  } finally {
    clearTimeout(timer);
  }
}
