import { existsSync } from 'node:fs';
import type { ByteTransport } from '../devices/core/transport';
import { SerialTransport } from '../devices/core/serial-transport';
import { SamLink } from '../devices/idcard/sam-link';
import { uniformTimeouts } from '../devices/idcard/timing';
import { Command } from '../devices/idcard/codec/frame';
import { SW3, sw3Error } from '../devices/idcard/codec/status';
import { CharDeviceTransport } from '../devices/printer/transport/chardev-transport';
import { StatusExchange, readStatus } from '../devices/printer/transport/status-exchange';
import { accessible } from './hardware-checks';
import { fail, pass, warn, type Check } from './types';

/** How long a device may take to answer one harmless question. */
export const PROBE_TIMEOUT_MS = 1500;

/** Opens a path through the production transport; turns the usual failures into a Check with a fix. */
async function openOrExplain(id: string, title: string, transport: ByteTransport, path: string): Promise<Check | undefined> {
  if (!existsSync(path)) return fail(id, title, `${path} does not exist`, 'plug in the device; check `ls -l /dev/serial/by-id /dev/usb` and the path in the configuration');
  if (!accessible(path)) return fail(id, title, `no read/write access to ${path}`, 'add the daemon\'s user to group dialout (serial) or lp (usblp), or install deploy/udev/99-kiosk.rules');
  try {
    await transport.open();
    return undefined;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EBUSY') {
      return warn(id, title, `${path} is held by another process`, 'the running daemon holds the port: stop it (systemctl stop kiosk-daemon) to probe, or read its state in /api/health');
    }
    return fail(id, title, `cannot open ${path}: ${(err as Error).message}`, 'check the cable and the path in the configuration');
  }
}

/** GA 467 SAM status check (CMD 11 FF): harmless, answers SW3 0x90 when the SAM module is sound. */
export async function probeSamReader(path: string, baudRate: number): Promise<Check> {
  const id = 'device.idReader';
  const title = `ID-card reader on ${path} @${baudRate} (SAM status 11 FF)`;
  const transport = new SerialTransport(path, baudRate);
  const refused = await openOrExplain(id, title, transport, path);
  if (refused) return refused;
  const link = new SamLink(transport, { timeouts: uniformTimeouts(PROBE_TIMEOUT_MS), baudRate });
  link.attach();
  try {
    const reply = await link.exchange(Command.SAM_STATUS);
    if (reply.sw3 === SW3.OK) return pass(id, title, 'SAM module answered: status OK (SW3 0x90)', { sw3: reply.sw3 });
    const e = sw3Error(reply.sw3);
    return fail(id, title, `SAM module answered: ${e.message}`, 'power-cycle the reader; if it persists the SAM module needs service by the vendor', { sw3: reply.sw3, code: e.code });
  } catch (err) {
    const code = (err as { code?: string }).code;
    return fail(id, title, `${(err as Error).message} (${code})`, 'check the baud rate (devices.idReader.baudRate, default 115200), the cable and the reader\'s power', { code });
  } finally {
    link.detach();
    await transport.close();
  }
}

/** ESC/POS real-time status (DLE EOT 1, 2, 4): harmless, prints nothing. */
export async function probeEscposPrinter(kind: 'serial' | 'device', path: string, baudRate: number, statusRequired: boolean): Promise<Check> {
  const id = 'device.printer';
  const title = `ticket printer on ${path}${kind === 'serial' ? ` @${baudRate}` : ''} (DLE EOT)`;
  const transport: ByteTransport = kind === 'serial' ? new SerialTransport(path, baudRate) : new CharDeviceTransport(path);
  const refused = await openOrExplain(id, title, transport, path);
  if (refused) return refused;
  const exchange = new StatusExchange(transport);
  const onData = (chunk: Buffer) => exchange.onData(chunk);
  transport.on('data', onData);
  try {
    const reading = await readStatus(exchange, PROBE_TIMEOUT_MS);
    if (!reading.answered) {
      const detail = 'no answer to DLE EOT';
      return statusRequired
        ? fail(id, title, detail, 'check the baud rate (devices.printer.baudRate), the cable and that the printer is switched on')
        : warn(id, title, `${detail} (allowed: statusReplies "optional"); the device is writable`, 'paper and cover state will be unknown to the kiosk');
    }
    const s = reading.status;
    const data = { status: s };
    if (s.coverOpen) return fail(id, title, 'cover open', 'close the printer cover', data);
    if (s.paperOut) return fail(id, title, 'paper out', 'load a new paper roll', data);
    if (s.error || !s.online) return fail(id, title, `printer ${s.online ? 'reports an error' : 'offline'} ${s.errorKinds.join(', ')}`.trim(), 'clear the jam / cutter, then power-cycle the printer', data);
    if (s.paperNearEnd) return warn(id, title, 'online, paper near end', 'replace the paper roll soon', data);
    return pass(id, title, 'online, cover closed, paper OK', data);
  } catch (err) {
    return fail(id, title, `writing failed: ${(err as Error).message}`, 'check the cable and the path in the configuration');
  } finally {
    transport.off('data', onData);
    exchange.abort();
    await transport.close();
  }
}

/** A device that answers nothing unasked (a QR scanner in CDC mode): the port opens and closes. */
export async function probeSerialOpen(name: string, what: string, path: string, baudRate: number): Promise<Check> {
  const id = `device.${name}`;
  const title = `${what} on ${path} @${baudRate} (open)`;
  const transport = new SerialTransport(path, baudRate);
  const refused = await openOrExplain(id, title, transport, path);
  if (refused) return refused;
  await transport.close();
  return pass(id, title, `opened ${path}; scan a code in the technician's 扫码测试 to check the reading`);
}
