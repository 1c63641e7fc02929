import { describe, expect, it } from 'vitest';
import { LogRing } from './log-ring';
import { idCheckValid, redactDeep, redactText } from './redact';

describe('redaction of log text', () => {
  it('removes ID-number-like, permit-like and phone-like strings', () => {
    const out = redactText('card 11010519491231002X read; old 440102900307123; PR ABC440102900307; M12345678; tel 13812345678');
    expect(out).not.toMatch(/11010519491231002X|440102900307123|ABC440102900307|M12345678|13812345678/);
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
    expect(redactDeep({ a: [{ note: 'id 440102199003071236' }] })).toEqual({ a: [{ note: 'id [redacted]' }] });
  });
});

describe('redaction of real log lines (issue 11 defect 8)', () => {
  // Lines as pino and Fastify write them on a kiosk; each must stay parseable JSON after redaction.
  const completed =
    '{"level":30,"time":1764590400123,"pid":4242,"hostname":"kiosk-03","reqId":"req-1f","res":{"statusCode":200},' +
    '"responseTime":9.123456789012345678,"msg":"request completed"}';

  it('keeps long decimal fractions, timestamps and counters intact', () => {
    expect(redactText(completed)).toBe(completed);
    const decimals = '{"ratio":0.13812345678,"lat":23.440102199003071236,"bytes":123456789012345678901,"big":1.5e+21}';
    expect(redactText(decimals)).toBe(decimals);
  });

  it('recognises an ID number by its check character, not by its length', () => {
    expect(idCheckValid('440102199003071236')).toBe(true);
    expect(idCheckValid('11010519491231002x')).toBe(true);
    expect(idCheckValid('440102199003071234')).toBe(false);
    const orderNo = '{"level":30,"msg":"scan batch 202612011300450001 stored"}';
    expect(redactText(orderNo)).toBe(orderNo);
    const leaked = '{"level":40,"msg":"unexpected card 440102199003071236 in request","reqId":"req-2"}';
    expect(JSON.parse(redactText(leaked))).toEqual({ level: 40, msg: 'unexpected card [redacted] in request', reqId: 'req-2' });
  });

  it('redacts personal fields by name, whatever their value looks like, and the line still parses', () => {
    const line =
      '{"level":50,"time":1764590400999,"err":{"type":"Error","message":"bad"},"idNumber":"440102199003071234",' +
      '"phone":13812345678,"address":"广州市越秀区某路1号","name":"李四","device":"idReader","responseTime":12.5}';
    const parsed = JSON.parse(redactText(line)) as Record<string, unknown>;
    expect(parsed).toMatchObject({ idNumber: '[redacted]', phone: '[redacted]', address: '[redacted]', name: '[redacted]' });
    expect(parsed).toMatchObject({ device: 'idReader', responseTime: 12.5, time: 1764590400999, err: { message: 'bad' } });
  });

  it('keeps a bare ID number in a JSON value parseable', () => {
    expect(JSON.parse(redactText('{"note":[440102199003071236, 1],"x":{"y":440102199003071236}}'))).toEqual({
      note: ['[redacted]', 1],
      x: { y: '[redacted]' },
    });
  });

  it('redacts key=value text and keeps machine names', () => {
    expect(redactText('read ok name=printer phone=13812345678 住址：广州市')).toBe('read ok name=printer phone=[redacted] 住址：[redacted]');
  });
});

describe('log ring', () => {
  it('keeps the newest lines, redacted, and parses pino fields', () => {
    const ring = new LogRing(3);
    let out = '';
    const dest = ring.tee({ write: (l: string) => (out += l) });
    for (let i = 1; i <= 5; i += 1) dest.write(`{"level":30,"time":0,"msg":"line ${i} 440102199003071236"}\n`);
    const tail = ring.tail();
    expect(tail.map((l) => l.msg)).toEqual(['line 3 [redacted]', 'line 4 [redacted]', 'line 5 [redacted]']);
    expect(tail[0]).toMatchObject({ level: 'info', time: '1970-01-01T00:00:00.000Z' });
    expect(out).toContain('line 1'); // the tee passes every line on unchanged
    expect(ring.tail(1)).toHaveLength(1);
  });
});
