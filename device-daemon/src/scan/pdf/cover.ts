import QRCode from 'qrcode';

/** What the cover page says. Every string is already safe to print: the applicant is masked. */
export interface CoverInfo {
  hallName: string;
  number: string;
  matterName: string;
  applicantMasked: string | null;
  /** Local date and time, as printed (`2025-01-07 09:30`). */
  time: string;
  materials: { name: string; required: boolean; pages: number }[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;

/**
 * Draws the cover in Chinese: title, submission number, matter, applicant, time, a table of materials with
 * their page counts and page ranges (the cover is page 1), and a QR code of the submission number.
 */
export async function drawCover(doc: PDFKit.PDFDocument, info: CoverInfo): Promise<void> {
  doc.addPage({ size: A4, margin: MARGIN });
  const qr = await QRCode.toBuffer(info.number, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const right = A4[0] - MARGIN;
  doc.image(qr, right - 110, MARGIN, { width: 110 });

  doc.font('cjk').fontSize(12).fillColor('#444').text(info.hallName, MARGIN, MARGIN);
  doc.moveDown(0.5).fontSize(24).fillColor('#000').text('材料扫描件');
  doc.moveDown(1.2).fontSize(13);
  const rows: [string, string][] = [
    ['提交编号', info.number],
    ['办理事项', info.matterName],
    ...(info.applicantMasked ? ([['申请人', info.applicantMasked]] as [string, string][]) : []),
    ['扫描时间', info.time],
    ['材料页数', `共 ${info.materials.reduce((n, m) => n + m.pages, 0)} 页（不含本封面）`],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.fillColor('#555').text(`${label}：`, MARGIN, y, { continued: false });
    doc.fillColor('#000').text(value, MARGIN + 80, y);
    doc.moveDown(0.4);
  }

  doc.moveDown(1).fontSize(14).fillColor('#000').text('材料清单', MARGIN);
  doc.moveDown(0.4).fontSize(12);
  const col = [MARGIN, MARGIN + 36, MARGIN + 300, MARGIN + 370];
  const header = doc.y;
  doc.fillColor('#555').text('序号', col[0], header).text('材料名称', col[1], header).text('页数', col[2], header).text('所在页', col[3], header);
  doc.moveTo(MARGIN, doc.y + 2).lineTo(right, doc.y + 2).strokeColor('#999').stroke();
  let page = 2;
  for (const [i, m] of info.materials.entries()) {
    doc.moveDown(0.5);
    const y = doc.y;
    const where = m.pages === 0 ? (m.required ? '未提交' : '未提交（非必需）') : m.pages === 1 ? `第 ${page} 页` : `第 ${page}–${page + m.pages - 1} 页`;
    doc.fillColor('#000').text(String(i + 1), col[0], y).text(m.name, col[1], y, { width: 250 }).text(String(m.pages), col[2], y).text(where, col[3], y);
    page += m.pages;
  }
  doc.fontSize(10).fillColor('#777').text(
    `本文件由${info.hallName}自助终端生成。请妥善保管回执，凭提交编号到窗口办理。`,
    MARGIN,
    A4[1] - MARGIN - 20,
    { width: right - MARGIN },
  );
}
