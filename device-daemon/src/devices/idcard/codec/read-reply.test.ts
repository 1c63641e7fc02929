import { describe, expect, it } from 'vitest';
import { encodeReply } from './frame';
import { encodeReadData, encodeReadDataWithFingerprint, parseReadData, parseReadDataWithFingerprint } from './read-reply';

const record = { text: Buffer.alloc(256, 0x41), photo: Buffer.alloc(1024, 0x57) };

describe('read replies: 30 01 and 30 10 (docs/PROTOCOLS.md §1)', () => {
  it.each([
    [0, 1297],
    [512, 1809],
    [1024, 2321],
  ])('a 30 10 reply with %i fingerprint bytes is %i bytes and parses to text and photo', (fp, frameBytes) => {
    const data = encodeReadDataWithFingerprint(record, Buffer.alloc(fp, 0xf9));
    expect(encodeReply(0x90, data)).toHaveLength(frameBytes);
    const parsed = parseReadDataWithFingerprint(data);
    expect(parsed.text).toEqual(record.text);
    expect(parsed.photo).toEqual(record.photo);
    // The fingerprint bytes are gone from the reply buffer itself, not only left out of the result.
    expect(data.includes(0xf9)).toBe(false);
  });

  it('a 30 10 reply whose lengths disagree is REPLY_LENGTH, and its fingerprint bytes are zeroed anyway', () => {
    const data = Buffer.concat([encodeReadDataWithFingerprint(record, Buffer.alloc(512, 0xf9)), Buffer.from([0xf9])]);
    expect(() => parseReadDataWithFingerprint(data)).toThrow(expect.objectContaining({ code: 'REPLY_LENGTH' }));
    expect(data.includes(0xf9)).toBe(false);
  });

  it('a 30 10 reply is not taken for a 30 01 one (the lengths tell them apart)', () => {
    expect(() => parseReadData(encodeReadDataWithFingerprint(record, Buffer.alloc(512)))).toThrow(expect.objectContaining({ code: 'REPLY_LENGTH' }));
    expect(parseReadData(encodeReadData(record)).photo).toEqual(record.photo);
  });
});
