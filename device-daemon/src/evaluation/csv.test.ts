import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';
import type { Evaluation } from './types';

const e: Evaluation = {
  id: 'e1', ticketId: 't1', ticketNumber: 'A001', categoryId: 'A', categoryName: '社会民生', serviceDate: '2025-03-07',
  window: 3, staffId: null, staffName: null, channel: 'qr', level: 2, levelName: '不满意', reasons: ['等候时间过长', '指引不清楚'],
  comment: '=HYPERLINK("x")', realName: false, source: 'person', kioskId: 'k1', ratedAt: '2025-03-07T02:00:00.000Z',
  matterCode: null, matterName: null, caseNumber: null, reasonsGiven: true,
  followUp: { id: 'f1', dueDate: '2025-03-14' },
};

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, has Chinese headers and CRLF rows', () => {
    const csv = toCsv([e]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [head, row] = csv.slice(1).split('\r\n');
    expect(head!.split(',')[0]).toBe('评价编号');
    expect(row).toContain(',扫码评价,2,不满意,等候时间过长；指引不清楚,');
    expect(row).toContain(',2025-03-14');
  });

  it('quotes separators and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
  });
});
