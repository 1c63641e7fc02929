import { unlink } from 'node:fs/promises';
import { conflict, DomainError } from '../core/errors';
import { printWithFallback } from '../devices/printer';
import { localDateTime } from '../core/hall-time';
import type { ScanContext } from './context';
import type { Submissions } from './service';
import { buildPdf } from './pdf/build';
import { scanReceipt } from './receipt';

export interface FinishResult {
  /** Whether the receipt came out of the printer; the PDF is kept either way. */
  receipt: { printed: boolean; error?: { code: string; message: string; reason?: string } };
}

/**
 * «完成»: writes the PDF (cover + pages) to a temporary file, renames it to `scans/<number>.pdf`, marks the
 * submission finished, drops the page images, then prints the receipt. A printer that is missing or fails
 * does not lose the PDF: the result says so and the screen shows the number instead.
 */
export async function finishSubmission(ctx: ScanContext, submissions: Submissions, id: string): Promise<FinishResult> {
  const row = await submissions.getOpen(id);
  const matter = submissions.matter(row.matter_id);
  const pages = await ctx.repo.pages(id);
  if (pages.length === 0) throw conflict('SCAN_NO_PAGES', '还没有扫描任何页面');
  const now = ctx.clock.now();
  const time = localDateTime(now, ctx.hall.timeZone);
  const materials = matter.materials.map((m) => ({
    ...m,
    pages: pages.filter((p) => p.material_id === m.id).sort((a, b) => a.position - b.position),
  }));

  const file = `${row.number}.pdf`;
  const target = ctx.files.pdfPath(file);
  const tmp = ctx.files.tempFor(target);
  const built = await buildPdf(
    tmp,
    {
      hallName: ctx.hall.name,
      number: row.number,
      matterName: matter.name,
      applicantMasked: row.applicant_masked,
      time,
      materials: materials.map((m) => ({ name: m.name, required: m.required, pages: m.pages.length })),
    },
    materials.flatMap((m) =>
      m.pages.map((p) => ({ file: ctx.files.pagePath(id, p.id), width: p.width, height: p.height, resolution: p.resolution })),
    ),
  );
  if (built.bytes > ctx.config.maxPdfMegabytes * 1024 * 1024) {
    await unlink(tmp).catch(() => undefined);
    throw new DomainError('SCAN_PDF_TOO_LARGE', `文件超过 ${ctx.config.maxPdfMegabytes} MB 上限，请删除部分页面后重试`, 413);
  }
  await ctx.files.commit(tmp, target);
  // 容缺: required materials left out, which the person confirmed on the screen; the receipt and the window name them.
  const missing = materials.filter((m) => m.required && m.pages.length === 0).map((m) => m.name);
  await ctx.repo.markFinished(id, { file, bytes: built.bytes, pages: built.pages }, now.toISOString(), missing);
  await ctx.files.removeWork(id);
  ctx.log.info({ submission: row.number, pages: built.pages, bytes: built.bytes }, 'scan PDF written');
  ctx.events.publish('scan.finished', { submissionId: id, number: row.number, pages: built.pages });

  const receipt = scanReceipt({
    hallName: ctx.hall.name, number: row.number, matterName: matter.name, pages: pages.length,
    materials: materials.filter((m) => m.pages.length).length, time, missing,
  });
  const outcome = await printWithFallback(ctx.printer(), receipt);
  if (outcome.printed) return { receipt: { printed: true } };
  ctx.log.warn({ submission: row.number, code: outcome.error.code }, 'scan receipt not printed');
  // The person keeps the number from the screen: say so in the receipt's own words, whatever the cause.
  const message = outcome.error.reason === 'NOT_FITTED' ? '本机未配置打印机，请记下提交编号' : '回执打印失败，请记下提交编号';
  return { receipt: { printed: false, error: { ...outcome.error, message } } };
}
