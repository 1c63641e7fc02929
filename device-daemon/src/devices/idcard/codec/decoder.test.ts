import { describe, expect, it } from 'vitest';
import { FrameDecoder, parseReply } from './decoder';
import { encodeReply } from './frame';

const find = encodeReply(0x9f, Buffer.alloc(4));
const select = encodeReply(0x90, Buffer.alloc(8));
const read = encodeReply(0x90, Buffer.concat([Buffer.from([1, 0, 4, 0]), Buffer.alloc(1280, 0x5a)]));

const bodies = (results: ReturnType<FrameDecoder['push']>) =>
  results.map((r) => (r.kind === 'frame' ? parseReply(r.body)!.sw3 : r.code));

describe('FrameDecoder', () => {
  it('decodes back-to-back frames in one chunk', () => {
    expect(bodies(new FrameDecoder().push(Buffer.concat([find, select, read])))).toEqual([0x9f, 0x90, 0x90]);
  });

  it('decodes a reply split into chunks of every size from 1 to 13 bytes', () => {
    for (let size = 1; size <= 13; size++) {
      const d = new FrameDecoder();
      const out = [];
      for (let i = 0; i < read.length; i += size) out.push(...d.push(read.subarray(i, i + size)));
      expect(out).toHaveLength(1);
      const r = out[0]!;
      expect(r.kind === 'frame' && r.body.length).toBe(1287);
      expect(d.pending).toBe(0);
    }
  });

  it('says how many more bytes a frame needs, never more than it takes to complete one (noise included)', () => {
    const noisy = Buffer.concat([Buffer.from([0x00, 0xaa, 0x13]), read, find]);
    const d = new FrameDecoder();
    expect(d.needed).toBe(7); // preamble and LEN
    const out = [];
    for (let at = 0; at < noisy.length; at += 1) {
      const short = d.needed - 1;
      // Fewer bytes than `needed` never complete a frame: a transport that waits for them delays nothing.
      if (short > 0) expect(d.push(noisy.subarray(at, (at += short)))).toEqual([]);
      out.push(...d.push(noisy.subarray(at, at + 1)));
    }
    expect(bodies(out)).toEqual([0x90, 0x9f]);
    expect(d.needed).toBe(7);
  });

  it('decodes back-to-back frames split across chunk boundaries, a frame held in pieces included', () => {
    const stream = Buffer.concat([read, find, read, select]);
    for (const size of [7, 64, 500]) {
      const d = new FrameDecoder();
      const out = [];
      for (let i = 0; i < stream.length; i += size) out.push(...d.push(stream.subarray(i, i + size)));
      expect(bodies(out)).toEqual([0x90, 0x9f, 0x90, 0x90]);
      expect(out.filter((r) => r.kind === 'frame').map((r) => (r as { body: Buffer }).body.length)).toEqual([1287, 7, 1287, 11]);
      expect(d.pending).toBe(0);
    }
  });

  it('skips noise, including a partial preamble, before a frame', () => {
    const d = new FrameDecoder();
    const noise = Buffer.from([0x00, 0xff, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, 0xaa, 0x96, 0x00, 0xaa]);
    expect(bodies(d.push(Buffer.concat([noise, find])))).toEqual([0x9f]);
    expect(d.skipped).toBe(noise.length);
  });

  it('keeps a preamble split across chunks', () => {
    const d = new FrameDecoder();
    expect(d.push(find.subarray(0, 3))).toEqual([]);
    expect(bodies(d.push(find.subarray(3)))).toEqual([0x9f]);
  });

  it('reports a bad checksum and still finds the good frame right behind it', () => {
    const bad = Buffer.from(select);
    bad[bad.length - 1]! ^= 0xff;
    expect(bodies(new FrameDecoder().push(Buffer.concat([bad, find])))).toEqual(['FRAME_CHECKSUM', 0x9f]);
  });

  it('reports an impossible length and resynchronises', () => {
    const bad = Buffer.from(find);
    bad.writeUInt16BE(0xfff0, 5);
    expect(bodies(new FrameDecoder().push(Buffer.concat([bad, select])))).toEqual(['FRAME_LENGTH', 0x90]);
  });

  it('reset drops a half-received frame', () => {
    const d = new FrameDecoder();
    d.push(read.subarray(0, 100));
    expect(d.pending).toBe(100);
    d.reset();
    expect(bodies(d.push(find))).toEqual([0x9f]);
  });
});
