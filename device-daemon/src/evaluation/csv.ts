import type { Evaluation } from './types';

/** Excel opens UTF-8 CSV as UTF-8 only with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

const COLUMNS: [string, (e: Evaluation) => string | number | null][] = [
  ['评价编号', (e) => e.id],
  ['票号', (e) => e.ticketNumber],
  ['服务日期', (e) => e.serviceDate],
  ['业务类别', (e) => e.categoryName],
  ['窗口', (e) => e.window],
  ['工作人员编号', (e) => e.staffId],
  ['工作人员', (e) => e.staffName],
  ['评价渠道', (e) => ({ keypad: '评价器', kiosk: '自助终端', qr: '扫码评价', system: '系统默认' })[e.channel]],
  ['评价等级', (e) => e.level],
  ['等级名称', (e) => e.levelName],
  ['原因', (e) => e.reasons.join('；')],
  ['意见', (e) => e.comment],
  ['实名', (e) => (e.realName ? '是' : '否')],
  ['评价时间', (e) => e.ratedAt],
  ['整改期限', (e) => e.followUp?.dueDate ?? null],
];

/**
 * One CSV field (RFC 4180 quoting). A text cell starting with = + - @ (or tab/CR) is prefixed with ' so a
 * typed comment cannot become a spreadsheet formula when a technician opens the export.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(evaluations: readonly Evaluation[]): string {
  const lines = [COLUMNS.map(([h]) => h).join(',')];
  for (const e of evaluations) lines.push(COLUMNS.map(([, get]) => csvField(get(e))).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}
