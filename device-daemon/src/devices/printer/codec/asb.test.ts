import { describe, expect, it } from 'vitest';
import { StatusFramer, asbFrame, isAsbHeader, isAsbTail, parseAsb } from './asb';
import { parseStatus, statusReply } from './status';
import { gsAsb, ASB_MASK } from './commands';

const frames = (bytes: number[]) => {
  const f = new StatusFramer();
  return bytes.map((b) => f.push(b)).filter(Boolean);
};

describe('automatic status back (GS a)', () => {
  it('GS a n enables online/offline, error and roll paper pushes as 1D 61 0E', () => {
    expect(Buffer.from(gsAsb(ASB_MASK.onlineOffline | ASB_MASK.error | ASB_MASK.rollPaper)).toString('hex')).toBe('1d610e');
  });

  it('a ready printer pushes 10 00 00 00; paper out 18 00 0F 00; cover open 38 00 00 00', () => {
    const ready = parseStatus({ 1: 0x12, 2: 0x12, 4: 0x12 });
    expect(asbFrame(ready).toString('hex')).toBe('10000000');
    const out = parseStatus({ 1: 0x1a, 2: 0x32, 4: 0x7e });
    expect(asbFrame(out).toString('hex')).toBe('18000f00');
    expect(parseAsb([0x18, 0x00, 0x0f, 0x00])).toMatchObject({ online: false, paperOut: true, paperNearEnd: true });
    expect(parseAsb([0x38, 0x00, 0x00, 0x00])).toMatchObject({ online: false, coverOpen: true, paperOut: false });
    expect(parseAsb([0x18, 0x28, 0x00, 0x00])).toMatchObject({ error: true, errorKinds: ['autocutter', 'unrecoverable'] });
  });

  it('a header (0xx1 xx00) and tails (0xx0 xxxx) never match a DLE EOT reply (0xx1 xx10)', () => {
    for (let b = 0; b < 256; b++) {
      const reply = (b & 0x93) === 0x12;
      if (reply) expect(isAsbHeader(b) || isAsbTail(b)).toBe(false);
    }
    expect(isAsbHeader(statusReply(1, parseAsb([0x10, 0, 0, 0])))).toBe(false);
  });

  it('frames replies and pushes apart, even with a reply between a frame\'s bytes, split anywhere', () => {
    const got = frames([0x12, 0x18, 0x00, 0x1a, 0x0f, 0x00, 0x16]);
    expect(got[0]).toEqual({ type: 'reply', byte: 0x12 });
    expect(got[1]).toEqual({ type: 'reply', byte: 0x1a });
    expect(got[2]).toMatchObject({ type: 'asb', status: { paperOut: true } });
    expect(got[3]).toEqual({ type: 'reply', byte: 0x16 });
  });

  it('drops noise and a frame cut short by a byte that fits neither', () => {
    expect(frames([0xff, 0x10, 0x00, 0x80, 0x00, 0x00])).toEqual([]);
    expect(frames([0x10, 0x00, 0x10, 0x00, 0x00, 0x00])).toEqual([{ type: 'asb', status: expect.objectContaining({ online: true }) }]);
  });
});
