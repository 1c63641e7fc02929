/**
 * How long the host waits for each command's reply, from the field (docs/PROTOCOLS.md §1, timing): public
 * implementations wait up to 5 s for a reply (hev-idcard-reader, HslCommunication `SAMSerial.cs`); the iDR200
 * driver waits 400 + 400 ms before it even reads a 30 01 reply, because the module reads the card over the air
 * first. Find, select and the SAM's own commands answer in tens of milliseconds on a sound module; a full
 * second leaves room for a slow USB bridge without making a mute module take long to notice.
 */
export interface CommandTimeouts {
  /** 10 FF, 11 FF, 12 FF: the SAM's own commands. */
  samMs: number;
  /** 20 01 find card. */
  findMs: number;
  /** 20 02 select card. */
  selectMs: number;
  /** 30 xx: read the card (the module talks to the card over the air first). */
  readMs: number;
}

export const FIELD_TIMEOUTS: CommandTimeouts = { samMs: 1000, findMs: 1000, selectMs: 1000, readMs: 5000 };

/** The same wait for every command (the doctor's one harmless question). */
export const uniformTimeouts = (ms: number): CommandTimeouts => ({ samMs: ms, findMs: ms, selectMs: ms, readMs: ms });

/** The wait for a command, besides its reply's own wire time. */
export function timeoutFor(command: readonly [number, number], t: CommandTimeouts): number {
  const [cmd, para] = command;
  if (cmd === 0x20) return para === 0x01 ? t.findMs : t.selectMs;
  if (cmd === 0x30) return t.readMs;
  return t.samMs;
}
