import type { PrintDocument } from '../devices/printer';

export interface SlipInfo {
  hallName: string;
  code: string;
  categoryName: string;
  /** `YYYY-MM-DD`, printed as «12月2日 周三». */
  date: string;
  start: string;
  end: string;
  /** What the QR holds: the booking's phone page, which the kiosk's QR reader also reads to check in. */
  qrText: string;
  checkInEarlyMinutes: number;
}

const WEEK = '日一二三四五六';

/** «12月2日 周三»: the citizen's way of writing a day (the kiosk screen writes it the same way). */
export function slipDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 周${WEEK[new Date(`${date}T00:00:00Z`).getUTCDay()]}`;
}

/**
 * The 80 mm 预约凭条 of a booking made at the kiosk: the booking code large, the 事项 category, day and time,
 * the QR code to check in with, and when to come. No name, ID or phone: the slip may be left behind, and
 * cancelling asks for the ID number.
 */
export function bookingSlip(s: SlipInfo): PrintDocument {
  return {
    purpose: 'booking-slip',
    lines: [
      { kind: 'text', text: s.hallName, align: 'center', bold: true, size: 2 },
      { kind: 'text', text: '预约凭条', align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: '预约码', align: 'center' },
      { kind: 'text', text: s.code, align: 'center', bold: true, size: 2 },
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: `办理事项：${s.categoryName}` },
      { kind: 'text', text: `预约时间：${slipDay(s.date)} ${s.start}-${s.end}` },
      { kind: 'qr', data: s.qrText, moduleSize: 6, align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: `请于${s.start}前${s.checkInEarlyMinutes}分钟内到自助终端`, align: 'center', bold: true },
      { kind: 'text', text: '刷身份证或扫描此码签到', align: 'center', bold: true },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}
