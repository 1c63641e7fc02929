import { describe, expect, it } from 'vitest';
import { LogRing } from './log-ring';
import { redactDeep, redactText } from './redact';

describe('redaction of log text', () => {
  it('removes ID-number-like, permit-like and phone-like strings', () => {
    const out = redactText('card 44010219900307123X read; old 440102900307123; PR ABC440102900307; M12345678; tel 13812345678');
    expect(out).not.toMatch(/44010219900307123X|440102900307123|ABC440102900307|M12345678|13812345678/);
    expect(out.match(/\[redacted\]/g)).toHaveLength(5);
  });

  it('keeps numbers that are not identifiers: times, ticket numbers, UUIDs', () => {
    const line = '{"time":1735000000000,"ticket":"A001","id":"0b7d2c1e-4f7a-4b8e-9d5e-123456789012","pid":4242}';
    expect(redactText(line)).toBe(line);
  });

  it('removes name-like values but keeps device names', () => {
    expect(redactText('{"name":"张小明","device":"printer"}')).toBe('{"name":"[redacted]","device":"printer"}');
    expect(redactText('{"name":"printer"}')).toBe('{"name":"printer"}');
    expect(redactText('{"fullName":"ZHANG, Xiaoming"}')).toBe('{"fullName":"[redacted]"}');
    expect(redactText('读卡 姓名：欧阳娜娜 成功')).toBe('读卡 姓名：[redacted] 成功');
  });

  it('redacts inside nested values', () => {
    expect(redactDeep({ a: [{ note: 'id 440102199003071234' }] })).toEqual({ a: [{ note: 'id [redacted]' }] });
  });
});

describe('log ring', () => {
  it('keeps the newest lines, redacted, and parses pino fields', () => {
    const ring = new LogRing(3);
    let out = '';
    const dest = ring.tee({ write: (l: string) => (out += l) });
    for (let i = 1; i <= 5; i += 1) dest.write(`{"level":30,"time":0,"msg":"line ${i} 440102199003071234"}\n`);
    const tail = ring.tail();
    expect(tail.map((l) => l.msg)).toEqual(['line 3 [redacted]', 'line 4 [redacted]', 'line 5 [redacted]']);
    expect(tail[0]).toMatchObject({ level: 'info', time: '1970-01-01T00:00:00.000Z' });
    expect(out).toContain('line 1'); // the tee passes every line on unchanged
    expect(ring.tail(1)).toHaveLength(1);
  });
});
