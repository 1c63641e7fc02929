import { describe, expect, it } from 'vitest';
import { Command, encodeCommand, encodeReply, parseCommand } from './frame';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('GA 467 command frames (golden bytes from docs/PROTOCOLS.md §1)', () => {
  it.each([
    ['RESET_SAM', 'AA AA AA 96 69 00 03 10 FF EC'],
    ['SAM_STATUS', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['SAM_ID', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['FIND_CARD', 'AA AA AA 96 69 00 03 20 01 22'],
    ['SELECT_CARD', 'AA AA AA 96 69 00 03 20 02 21'],
    ['READ_TEXT_PHOTO', 'AA AA AA 96 69 00 03 30 01 32'],
    ['READ_NEW_ADDRESS', 'AA AA AA 96 69 00 03 30 03 30'],
    ['READ_TEXT_PHOTO_FP', 'AA AA AA 96 69 00 03 30 10 23'],
  ] as const)('%s encodes to %s', (name, golden) => {
    expect(encodeCommand(Command[name])).toEqual(hex(golden));
  });

  it('parses a command back and rejects a wrong checksum', () => {
    expect(parseCommand(hex('AA AA AA 96 69 00 03 20 01 22'))).toMatchObject({ cmd: 0x20, para: 0x01 });
    expect(parseCommand(hex('AA AA AA 96 69 00 03 20 01 23'))).toBeUndefined();
  });
});

describe('GA 467 reply frames', () => {
  it('builds the sample replies byte for byte', () => {
    expect(encodeReply(0x9f, Buffer.alloc(4))).toEqual(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(encodeReply(0x90, Buffer.alloc(8))).toEqual(hex(`AA AA AA 96 69 00 0C 00 00 90 ${'00'.repeat(8)} 9C`));
    expect(encodeReply(0x80)).toEqual(hex('AA AA AA 96 69 00 04 00 00 80 84'));
  });

  it('a 30 01 read reply is 1295 bytes with LEN 0x0508 and the documented offsets', () => {
    const data = Buffer.concat([hex('01 00 04 00'), Buffer.alloc(256, 0x11), Buffer.alloc(1024, 0x22)]);
    const reply = encodeReply(0x90, data);
    expect(reply.length).toBe(1295);
    expect(reply.readUInt16BE(5)).toBe(0x0508);
    expect([...reply.subarray(7, 10)]).toEqual([0x00, 0x00, 0x90]);
    expect(reply.readUInt16BE(10)).toBe(256);
    expect(reply.readUInt16BE(12)).toBe(1024);
    expect(reply[14]).toBe(0x11);
    expect(reply[269]).toBe(0x11);
    expect(reply[270]).toBe(0x22);
    expect(reply[1293]).toBe(0x22);
    // CHK: XOR from LEN1 to the last data byte. 0x11 and 0x22 appear an even number of times and cancel.
    expect(reply[1294]).toBe(0x05 ^ 0x08 ^ 0x90 ^ 0x01 ^ 0x04);
  });
});
