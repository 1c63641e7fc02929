import type { PrintDocument } from '../devices/printer';
import type { Guide } from './types';

const FORM = { original: '原件', copy: '复印件', 'original-and-copy': '原件及复印件' } as const;

/** One material as the leaflet and the screen say it: name, 原件/复印件 and how many, 容缺 mark. */
export function materialLine(m: Guide['materials'][number]): string {
  const form = m.form ? `（${FORM[m.form]}${m.copies ? ` ${m.copies} 份` : ''}）` : m.copies ? `（${m.copies} 份）` : '';
  const mark = !m.required ? '［非必需］' : m.deferrable ? '［可容缺，告知承诺后补交］' : '';
  return `${m.name}${form}${mark}`;
}

/**
 * The 一次性告知单 on the 80 mm ticket printer: the 事项, every material numbered, the conditions, time limit, fee,
 * place, windows and phone, and a QR code to the same guide on the phone page. No personal data.
 */
export function leaflet(g: Guide, ctx: { hallName: string; url: string; time: string }): PrintDocument {
  const text = (t: string, extra: { bold?: boolean; align?: 'center'; size?: 1 | 2 } = {}) => ({ kind: 'text' as const, text: t, ...extra });
  const facts: [string, string | undefined][] = [
    ['受理条件', g.conditions], ['办理时限', g.timeLimit], ['收费', g.fee], ['办理地点', g.place],
    ['办理窗口', g.windows.length ? g.windows.map((w) => `${w}号`).join('、') : undefined], ['咨询电话', g.phone],
  ];
  return {
    purpose: 'guide-leaflet',
    lines: [
      text(ctx.hallName, { align: 'center', bold: true }),
      text('一次性告知单', { align: 'center', bold: true, size: 2 }),
      { kind: 'rule' },
      text(`事项：${g.name}`, { bold: true }),
      text(`事项编码：${g.code}`),
      ...(g.department ? [text(`实施部门：${g.department}`)] : []),
      { kind: 'rule' },
      text(`申请材料（共 ${g.materials.length} 项）：`, { bold: true }),
      ...g.materials.map((m, i) => text(`${i + 1}. ${materialLine(m)}`)),
      { kind: 'rule' },
      ...facts.flatMap(([k, v]) => (v ? [text(`${k}：${v}`)] : [])),
      { kind: 'feed', lines: 1 },
      text('手机扫码查看办事指南', { align: 'center' }),
      { kind: 'qr', data: ctx.url, moduleSize: 5, align: 'center' },
      text(`打印时间：${ctx.time}`, { align: 'center' }),
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}
