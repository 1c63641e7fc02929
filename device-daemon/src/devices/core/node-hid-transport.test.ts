import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { NodeHidTransport, type HidModule } from './node-hid-transport';

/** A stand-in for node-hid's HIDAsync: an EventEmitter with close and write, as the transport uses it. */
class FakeHidDevice extends EventEmitter {
  closed = 0;
  async close() {
    this.closed += 1;
  }
  async write(report: Buffer) {
    return report.length;
  }
}

function fakeModule(paths: string[]) {
  const devices: FakeHidDevice[] = [];
  const mod = {
    devicesAsync: async () => paths.map((path) => ({ path, vendorId: 0x0483, productId: 0x5750, release: 0, interface: 0 })),
    HIDAsync: { open: async () => { const d = new FakeHidDevice(); devices.push(d); return d; } },
  } as unknown as HidModule;
  return { mod, devices, paths };
}

describe('NodeHidTransport lifecycle', () => {
  it('survives read errors node-hid reports while or after closing, and a second error after an unplug', async () => {
    const { mod, devices } = fakeModule(['/dev/hidraw3']);
    const t = new NodeHidTransport({ vendorId: 0x0483, productId: 0x5750 }, async () => mod);
    const closes: (Error | undefined)[] = [];
    t.on('close', (err) => closes.push(err));
    await t.open();
    await t.close();
    expect(() => devices[0]!.emit('error', new Error('read error'))).not.toThrow();

    await t.open();
    const reports: string[] = [];
    t.on('report', (r) => reports.push(r.toString('hex')));
    devices[1]!.emit('data', Buffer.from([0, 0, 0x1e, 0, 0, 0, 0, 0]));
    devices[1]!.emit('error', new Error('could not read from HID device'));
    expect(() => devices[1]!.emit('error', new Error('again'))).not.toThrow();
    expect(reports).toEqual(['00001e0000000000']);
    expect(closes.map((e) => (e as { code?: string } | undefined)?.code)).toEqual([undefined, 'ENODEV']);
    expect(t.isOpen).toBe(false);
    expect(devices[1]!.closed).toBe(1);
  });

  it('tells whether the opened unit is still enumerated', async () => {
    const { mod, paths } = fakeModule(['/dev/hidraw3']);
    const t = new NodeHidTransport({ vendorId: 0x0483, productId: 0x5750 }, async () => mod);
    expect(await t.present()).toBe(false);
    await t.open();
    expect(await t.present()).toBe(true);
    paths.splice(0, 1, '/dev/hidraw4');
    expect(await t.present()).toBe(false);
    await t.close();
  });
});
