import type { PrintDocument } from '../devices/printer';

export interface ReceiptInfo {
  hallName: string;
  number: string;
  matterName: string;
  /** Scanned pages, cover not counted. */
  pages: number;
  materials: number;
  /** Local date and time as printed. */
  time: string;
  /** Required materials not scanned (容缺), to bring to the window. */
  missing?: string[];
}

/**
 * The 80 mm receipt (回执) of a scan submission: number large, matter, page count, time, and a QR code of
 * the number for the window clerk's scanner. No personal data: the receipt may be left behind.
 */
export function scanReceipt(r: ReceiptInfo): PrintDocument {
  return {
    purpose: 'scan-receipt',
    lines: [
      { kind: 'text', text: r.hallName, align: 'center', bold: true, size: 2 },
      { kind: 'text', text: '材料扫描回执', align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: '提交编号', align: 'center' },
      { kind: 'text', text: r.number, align: 'center', bold: true, size: 2 },
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: `办理事项：${r.matterName}` },
      { kind: 'text', text: `材料：${r.materials} 项，共 ${r.pages} 页` },
      { kind: 'text', text: `扫描时间：${r.time}` },
      ...(r.missing?.length
        ? [
          { kind: 'text' as const, text: '尚缺材料（请补交）：', bold: true },
          ...r.missing.map((m) => ({ kind: 'text' as const, text: `· ${m}` })),
        ]
        : []),
      { kind: 'qr', data: r.number, moduleSize: 6, align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: '请凭此回执到综合窗口办理', align: 'center', bold: true },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}
