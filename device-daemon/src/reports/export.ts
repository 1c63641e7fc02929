import type { Statistics, TicketFigures } from './types';

type Cell = string | number | null;
/** One table of a report: its sheet name, Chinese headers and rows. */
export interface ReportTable {
  id: string;
  sheet: string;
  headers: string[];
  rows: Cell[][];
}

const TICKET_HEADERS = ['取号数', '办结数', '过号数', '转移数', '等候中位数(分钟)', '等候P90(分钟)', '办理中位数(分钟)', '办理P90(分钟)'];
const ticketCells = (f: TicketFigures): Cell[] => [
  f.issued, f.served, f.noShow, f.transferred, f.waitMedian, f.waitP90, f.serviceMedian, f.serviceP90,
];
const ticketTable = (id: string, sheet: string, first: string, rows: TicketFigures[]): ReportTable => ({
  id, sheet, headers: [first, ...TICKET_HEADERS], rows: rows.map((f) => [f.label, ...ticketCells(f)]),
});

/** The statistics as the tables a 绩效考核 or a monthly report to the 政务服务数据管理局 copies from. */
export function reportTables(s: Statistics): ReportTable[] {
  const levels = (r: Statistics['ratings']): Cell[] => [r.count, r.satisfactionRate, r.levels[5], r.levels[4], r.levels[3], r.levels[2], r.levels[1], r.defaults];
  const ratingHeaders = ['评价数', '满意率(%)', '非常满意', '满意', '基本满意', '不满意', '非常不满意', '默认好评'];
  return [
    ticketTable('category', '按事项分类', '事项分类', [...s.byCategory, s.totals]),
    ticketTable('window', '按窗口', '窗口', s.byWindow),
    ticketTable('staff', '按工作人员', '工作人员', s.byStaff),
    ticketTable('hour', '按时段', '时段', s.byHour),
    { id: 'weekday', sheet: '按星期', headers: ['星期', '取号数', '天数'], rows: s.byWeekday.map((w) => [w.label, w.issued, w.days]) },
    {
      id: 'ratings', sheet: '好差评', headers: ['评价对象', ...ratingHeaders],
      rows: [...s.ratingsByStaff.map((r) => [r.label, ...levels(r)]), ['合计', ...levels(s.ratings)]],
    },
    { id: 'reasons', sheet: '差评原因', headers: ['差评原因', '次数'], rows: s.badReasons.map((r) => [r.reason, r.count]) },
    {
      id: 'workorders', sheet: '差评工单', headers: ['未办结', '已办结', '超期'],
      rows: [[s.workorders.open, s.workorders.closed, s.workorders.overdue]],
    },
    {
      id: 'devices', sheet: '设备故障', headers: ['自助机', '设备', '故障次数', '停用(分钟)', '未恢复'],
      rows: s.deviceFaults.map((f) => [f.kioskId, f.label, f.faults, f.minutes, f.open]),
    },
  ];
}

/** Quoted where needed; a text cell that a spreadsheet would run as a formula (a typed 差评 reason) gets a `'`. */
const csvCell = (v: Cell) => {
  if (v === null) return '';
  const text = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One table as CSV: UTF-8 with a BOM (so Excel on a Chinese Windows reads it as UTF-8), CRLF lines. */
export function toCsv(t: ReportTable): Buffer {
  const lines = [t.headers, ...t.rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Every table as a sheet of one XLSX workbook, the headers bold and frozen. */
export async function toXlsx(tables: ReportTable[]): Promise<Buffer> {
  const sheets = tables.map((t) => ({
    sheet: t.sheet,
    stickyRowsCount: 1,
    data: [
      t.headers.map((h) => ({ value: h, fontWeight: 'bold' as const })),
      ...t.rows.map((r) => r.map((v) => ({ value: v ?? undefined }))),
    ],
  }));
  // Loaded at the first export, not at start (about 10 MiB): a kiosk's daemon serves no manager's reports.
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const file = writeXlsxFile(sheets);
  return Buffer.from(await file.toBuffer());
}
