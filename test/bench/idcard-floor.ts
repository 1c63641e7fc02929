import { SerialTransport } from '../../device-daemon/src/devices/core/serial-transport';
import { Command, encodeCommand } from '../../device-daemon/src/devices/idcard/codec/frame';
import { FrameDecoder, parseReply } from '../../device-daemon/src/devices/idcard/codec/decoder';
import { SW3 } from '../../device-daemon/src/devices/idcard/codec/status';
import { BAUD } from './idcard-rig';

/** What the bench's simulated reader process reports of a placed card (idcard-pty.ts). */
export interface FarReader {
  put(profile: string): Promise<{ findAt: number; turnarounds: number; writtenAt: number }>;
  remove(): void;
}

/**
 * The pty rig's floor, the baseline of the whole-read rows: the same find -> select -> read cycle through the
 * same socat pair and the same simulated reader process, with no daemon. A bare host (the production serial
 * transport and frame decoder) sends each command as soon as the previous reply's frame is complete. Its
 * find -> last reply byte at the host is what socat, the simulator's pacing and process and the transport
 * cost, without the driver, parser, identity, bus or WebSocket; the daemon's whole read beside it, in the same
 * run, is the daemon's share. Returns n + 1 cycle times, the first after start included.
 */
export async function rigFloor(hostPath: string, far: FarReader, n: number): Promise<number[]> {
  const host = new SerialTransport(hostPath, BAUD, { settle: 'written' }); // as the daemon's reader opens it
  await host.open();
  const decoder = new FrameDecoder();
  let answer: ((r: { sw3: number; at: number }) => void) | undefined;
  host.on('data', (chunk) => {
    const at = performance.now();
    const results = decoder.push(chunk);
    host.expect(decoder.needed); // as the daemon's link asks its transport
    for (const r of results) {
      const reply = r.kind === 'frame' ? parseReply(r.body) : undefined;
      answer?.({ sw3: reply?.sw3 ?? -1, at });
    }
  });
  const exchange = async (command: readonly [number, number]) => {
    const replied = new Promise<{ sw3: number; at: number }>((resolve) => (answer = resolve));
    host.expect(decoder.needed);
    await host.write(encodeCommand(command)); // settles when the tty has the bytes, as in the daemon's link
    return replied;
  };
  const cycles: number[] = [];
  try {
    for (let i = 0; i <= n; i++) {
      const sent = far.put('resident-elder');
      while ((await exchange(Command.FIND_CARD)).sw3 !== SW3.FIND_OK) await new Promise((r) => setTimeout(r, 50));
      if ((await exchange(Command.SELECT_CARD)).sw3 !== SW3.OK) throw new Error('the simulated reader did not select the card');
      const read = await exchange(Command.READ_TEXT_PHOTO);
      if (read.sw3 !== SW3.OK) throw new Error('the simulated reader did not read the card');
      cycles.push(read.at - (await sent).findAt);
      far.remove();
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await host.close();
  }
  return cycles;
}
