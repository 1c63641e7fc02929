import { describe, expect, it } from 'vitest';
import { bookingSlip, slipDay } from './slip';

describe('the 预约凭条', () => {
  const slip = bookingSlip({
    hallName: '梅州市政务服务中心', code: 'K7M2QX9P', categoryName: '社会民生', date: '2026-12-02', start: '09:30', end: '10:00',
    qrText: 'https://hall.example/m/a/K7M2QX9P', checkInEarlyMinutes: 30,
  });
  const texts = slip.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));

  it('carries the code, the 事项, the day and time, and the QR of the booking page', () => {
    expect(texts).toContain('K7M2QX9P');
    expect(texts).toContain('预约时间：12月2日 周三 09:30-10:00');
    expect(slip.lines.find((l) => l.kind === 'qr')).toMatchObject({ data: 'https://hall.example/m/a/K7M2QX9P' });
    expect(slip.lines.at(-1)).toEqual({ kind: 'cut' });
  });

  it('writes days as people do, without leading zeros', () => {
    expect(slipDay('2027-01-04')).toBe('1月4日 周一');
  });
});
