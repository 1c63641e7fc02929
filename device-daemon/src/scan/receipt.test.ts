import { describe, expect, it } from 'vitest';
import { scanReceipt } from './receipt';

describe('scan receipt layout', () => {
  it('prints the number large, the matter, the page count, the time and a QR code of the number, then cuts', () => {
    const doc = scanReceipt({ hallName: '潮安区政务服务中心', number: 'SM20250107-0003', matterName: '户口迁移登记', pages: 4, materials: 2, time: '2025-01-07 09:30' });
    expect(doc.purpose).toBe('scan-receipt');
    const texts = doc.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
    expect(doc.lines).toContainEqual({ kind: 'text', text: 'SM20250107-0003', align: 'center', bold: true, size: 2 });
    expect(texts).toContain('办理事项：户口迁移登记');
    expect(texts).toContain('材料：2 项，共 4 页');
    expect(texts).toContain('扫描时间：2025-01-07 09:30');
    expect(doc.lines).toContainEqual(expect.objectContaining({ kind: 'qr', data: 'SM20250107-0003' }));
    expect(doc.lines.at(-1)).toEqual({ kind: 'cut' });
  });
});
