import { describe, expect, it } from 'vitest';
import { isStatusByte, parseStatus, statusReply, statusRequest } from './status';
import type { StatusKind } from './commands';

describe('DLE EOT status', () => {
  it('requests are DLE EOT n', () => {
    expect(statusRequest(1).toString('hex')).toBe('100401');
    expect(statusRequest(4).toString('hex')).toBe('100404');
  });

  it('validates the fixed bits 0xx1 xx10', () => {
    for (const ok of [0x12, 0x1a, 0x32, 0x7e, 0x1e, 0x16, 0x72]) expect(isStatusByte(ok)).toBe(true);
    for (const bad of [0x00, 0xff, 0x13, 0x10, 0x02, 0x92]) expect(isStatusByte(bad)).toBe(false);
    expect(() => parseStatus({ 1: 0x13 })).toThrow(/not a DLE EOT reply/);
  });

  it('reads all clear (0x12) as ready', () => {
    expect(parseStatus({ 1: 0x12, 2: 0x12, 4: 0x12 })).toEqual({
      online: true, coverOpen: false, paperNearEnd: false, paperOut: false, feedButton: false,
      feedingByButton: false, waitingForRecovery: false, error: false, errorKinds: [],
    });
  });

  it('reads the reference paper-out replies 0x1A / 0x32 / 0x7E', () => {
    const s = parseStatus({ 1: 0x1a, 2: 0x32, 4: 0x7e });
    expect(s).toMatchObject({ online: false, paperOut: true, paperNearEnd: true, coverOpen: false, error: false });
  });

  it('reads near end (0x1E), cover open (0x16) and an autocutter error', () => {
    expect(parseStatus({ 1: 0x12, 2: 0x12, 4: 0x1e })).toMatchObject({ paperNearEnd: true, paperOut: false, online: true });
    expect(parseStatus({ 1: 0x1a, 2: 0x16, 4: 0x12 })).toMatchObject({ coverOpen: true, online: false });
    expect(parseStatus({ 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 })).toMatchObject({ error: true, errorKinds: ['autocutter'] });
    expect(parseStatus({ 1: 0x52 })).toMatchObject({ feedButton: true });
  });

  it('statusReply gives the reference bytes and round-trips through parseStatus', () => {
    const out = parseStatus({ 1: 0x1a, 2: 0x32, 4: 0x7e });
    expect(([1, 2, 4] as StatusKind[]).map((n) => statusReply(n, out))).toEqual([0x1a, 0x32, 0x7e]);
    const near = parseStatus({ 4: 0x1e });
    expect(statusReply(4, near)).toBe(0x1e);
    const clear = parseStatus({});
    expect(([1, 2, 3, 4] as StatusKind[]).map((n) => statusReply(n, clear))).toEqual([0x12, 0x12, 0x12, 0x12]);
  });
});
