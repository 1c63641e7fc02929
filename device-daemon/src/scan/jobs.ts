import { randomUUID } from 'node:crypto';
import { conflict, isDomainError, unavailable } from '../core/errors';
import { isDeviceError } from '../devices/core/device-error';
import type { ScanContext } from './context';
import type { Submissions } from './service';
import type { ScanJobView } from './types';
import { preparePage } from './images';

/** Room left in a PDF for the cover and the PDF structure around the page images. */
const PDF_OVERHEAD_BYTES = 256 * 1024;

/**
 * Scanning a page runs in the background: the request that starts it answers at once, progress and the
 * outcome go out as `scan.progress` / `scan.page` events and show in the submission's `job`. The scanner
 * does one page at a time for the whole kiosk.
 */
export class ScanJobs {
  private readonly latest = new Map<string, ScanJobView>();
  private running: { submissionId: string; done: Promise<void> } | undefined;

  constructor(
    private readonly ctx: ScanContext,
    private readonly submissions: Submissions,
  ) {}

  job(submissionId: string): ScanJobView | null {
    return this.latest.get(submissionId) ?? null;
  }

  /** Starts scanning one page of `materialId`, or a retake of `replacePageId`. Throws before anything starts. */
  async start(submissionId: string, materialId: string, replacePageId?: string): Promise<ScanJobView> {
    const row = await this.submissions.getOpen(submissionId);
    this.submissions.material(row, materialId);
    const replaces = replacePageId ? await this.submissions.page(submissionId, replacePageId) : undefined;
    if (replaces && replaces.material_id !== materialId) throw conflict('PAGE_NOT_IN_MATERIAL', '要重扫的页面不属于该材料');
    if (!replaces && Number(row.page_count) >= this.ctx.config.maxPages) {
      throw conflict('SCAN_PAGE_LIMIT', `每次最多扫描 ${this.ctx.config.maxPages} 页`, { maxPages: this.ctx.config.maxPages });
    }
    const scanner = this.ctx.scanner();
    if (!scanner) throw unavailable('SCANNER_NOT_FITTED', '本机未配置扫描仪');
    if (this.running || scanner.scanning) throw conflict('SCANNER_BUSY', '扫描仪正在扫描，请稍候');

    const job: ScanJobView = { id: randomUUID(), materialId, state: 'scanning', percent: 0 };
    this.latest.set(submissionId, job);
    const done = this.run(submissionId, job, replaces?.id).finally(() => {
      this.running = undefined;
    });
    this.running = { submissionId, done };
    return { ...job };
  }

  /** Stops the scan of this submission, if one runs, and waits until it has ended. */
  async cancel(submissionId: string): Promise<void> {
    if (this.running?.submissionId !== submissionId) return;
    this.ctx.scanner()?.cancel();
    await this.running.done;
  }

  runningSubmission(): string | undefined {
    return this.running?.submissionId;
  }

  forget(submissionId: string): void {
    this.latest.delete(submissionId);
  }

  /** For closing the app: lets the running scan end. */
  async idle(): Promise<void> {
    this.ctx.scanner()?.cancel();
    await this.running?.done;
  }

  private async run(submissionId: string, job: ScanJobView, replacePageId?: string): Promise<void> {
    const { ctx } = this;
    const publish = () =>
      ctx.events.publish('scan.progress', { submissionId, jobId: job.id, materialId: job.materialId, state: job.state, percent: job.percent });
    try {
      const page = await ctx.scanner()!.scan(
        { resolution: ctx.config.resolution, mode: ctx.config.mode, source: ctx.config.source, ...(ctx.config.area ? { area: ctx.config.area } : {}) },
        {
          onProgress: (p) => {
            // scanimage reports every buffer; the screen needs whole percents.
            if (Math.floor(p) === job.percent) return;
            job.percent = Math.floor(p);
            publish();
          },
        },
      );
      job.state = 'processing';
      publish();
      const prepared = await preparePage(page, ctx.config.jpegQuality);
      const pageId = randomUUID();
      const pages = await ctx.repo.pages(submissionId);
      const replaces = replacePageId ? pages.find((p) => p.id === replacePageId) : undefined;
      const stored = pages.filter((p) => p !== replaces).reduce((n, p) => n + Number(p.bytes), 0);
      if (stored + prepared.jpeg.length + PDF_OVERHEAD_BYTES > ctx.config.maxPdfMegabytes * 1024 * 1024) {
        throw conflict('SCAN_SIZE_LIMIT', '材料文件已达大小上限，请删除部分页面后再扫描');
      }
      const row = await ctx.repo.submission(submissionId);
      if (row?.state !== 'open') throw conflict('SUBMISSION_CLOSED', '该扫描已结束');
      await ctx.files.writeAtomic(ctx.files.pagePath(submissionId, pageId), prepared.jpeg);
      await ctx.files.writeAtomic(ctx.files.thumbPath(submissionId, pageId), prepared.thumbnail);
      const now = ctx.clock.now().toISOString();
      await ctx.repo.addPage(
        { id: pageId, submission_id: submissionId, material_id: job.materialId, width: page.width, height: page.height, resolution: page.options.resolution, bytes: prepared.jpeg.length, created_at: now },
        replaces,
        now,
      );
      if (replaces) await ctx.files.removeFiles(ctx.files.pagePath(submissionId, replaces.id), ctx.files.thumbPath(submissionId, replaces.id));
      Object.assign(job, { state: 'done', percent: 100, pageId });
      ctx.events.publish('scan.page', { submissionId, jobId: job.id, materialId: job.materialId, state: 'done', pageId });
    } catch (err) {
      // Domain and device errors (the scanner's SCANNER_* codes) carry a message for the person; anything else
      // stays in the log.
      const known = isDomainError(err) || isDeviceError(err);
      const error = known ? { code: err.code, message: err.message } : { code: 'SCAN_FAILED', message: '扫描处理失败，请重新扫描' };
      if (known) ctx.log.info({ code: error.code, submissionId }, 'scan job failed');
      else ctx.log.error({ err, submissionId }, 'scan job failed');
      Object.assign(job, { state: 'failed', error });
      ctx.events.publish('scan.page', { submissionId, jobId: job.id, materialId: job.materialId, state: 'failed', error });
    }
  }
}
