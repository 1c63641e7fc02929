import type { PrintDocument } from './codec/document';

/** `YYYY-MM-DD HH:MM:SS` in the hall's time zone. */
export function hallTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(at);
}

/** checkHealth external: proves paper path, Chinese text, a rare character's raster line, QR and cutter. */
export function selfTestPage(at: Date, timeZone: string, description: string): PrintDocument {
  const time = hallTime(at, timeZone);
  return {
    purpose: 'test-page',
    lines: [
      { kind: 'text', text: '打印机自检页', align: 'center', bold: true, size: 2 },
      { kind: 'rule' },
      { kind: 'text', text: `时间：${time}` },
      { kind: 'text', text: `连接：${description}` },
      { kind: 'text', text: '中文：政务服务 一窗受理 好差评' },
      { kind: 'text', text: '生僻字：䶮 \u3400' },
      { kind: 'qr', data: `kiosk-printer-selftest ${at.toISOString()}`, moduleSize: 5, align: 'center' },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}

/** checkHealth interactive: a page the technician reads and confirms by eye. */
export function confirmPage(at: Date, timeZone: string): PrintDocument {
  return {
    purpose: 'confirm-page',
    lines: [
      { kind: 'text', text: '打印机检查确认', align: 'center', bold: true, size: 2 },
      { kind: 'text', text: hallTime(at, timeZone), align: 'center' },
      { kind: 'rule' },
      { kind: 'text', text: '请工作人员确认：' },
      { kind: 'text', text: '1. 以下文字清晰完整：潮安区政务服务中心' },
      { kind: 'text', text: '2. 生僻字可见：䶮 \u3400' },
      { kind: 'text', text: '3. 二维码可用手机识别' },
      { kind: 'qr', data: `kiosk-printer-confirm ${at.toISOString()}`, moduleSize: 5, align: 'center' },
      { kind: 'text', text: '4. 纸张已整齐切断' },
      { kind: 'text', text: '确认后请在维护页面记录检查结果', align: 'center' },
      { kind: 'feed', lines: 3 },
      { kind: 'cut' },
    ],
  };
}
