import { randomUUID } from 'node:crypto';
import { conflict, isDomainError, unavailable } from '../core/errors';
import { isDeviceError } from '../devices/core/device-error';
import type { ScanContext } from './context';
import type { Submissions } from './service';
import type { ScanJobView } from './types';
import { ScannerError, type ScannedPage } from '../devices/scanner';
import { loadImageCodec, preparePage, type PreparedPage } from './images';
import { PagePipeline, type PageSlot } from './pipeline';
import { warmUpPdf } from './pdf/build';

/** Room left in a PDF for the cover and the PDF structure around the page images. */
const PDF_OVERHEAD_BYTES = 256 * 1024;
/** Raw pages in memory at once: one compressed while the next is scanned (a 2-core kiosk: two encoders). */
const PIPELINE_DEPTH = 2;

/** The job whose page is in the scanner, or waiting for room in the pipeline before it goes in. */
interface InScanner {
  submissionId: string;
  cancelled: boolean;
}

/**
 * Scanning a page runs in the background: the request that starts it answers at once, progress and the
 * outcome go out as `scan.progress` / `scan.page` events and show in the submission's `job`. The scanner
 * does one page at a time for the whole kiosk, but it is free again as soon as its page is read: the page
 * is compressed and stored ('processing') while the next one is scanned (pipeline.ts bounds the memory).
 */
export class ScanJobs {
  private readonly latest = new Map<string, ScanJobView>();
  private inScanner: InScanner | undefined;
  private readonly pipeline = new PagePipeline(PIPELINE_DEPTH);

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
    // Pages still being compressed count already: they will be stored.
    if (!replaces && Number(row.page_count) + this.pipeline.pendingPages(submissionId) >= this.ctx.config.maxPages) {
      throw conflict('SCAN_PAGE_LIMIT', `每次最多扫描 ${this.ctx.config.maxPages} 页`, { maxPages: this.ctx.config.maxPages });
    }
    const scanner = this.ctx.scanner();
    if (!scanner) throw unavailable('SCANNER_NOT_FITTED', '本机未配置扫描仪');
    if (this.inScanner || scanner.scanning) throw conflict('SCANNER_BUSY', '扫描仪正在扫描，请稍候');

    const job: ScanJobView = { id: randomUUID(), materialId, state: 'scanning', percent: 0 };
    this.latest.set(submissionId, job);
    const turn: InScanner = { submissionId, cancelled: false };
    this.inScanner = turn;
    const leave = () => {
      if (this.inScanner === turn) this.inScanner = undefined;
    };
    const done = this.run(submissionId, job, turn, leave, replaces?.id).finally(leave);
    this.pipeline.track(submissionId, done, !replaces);
    return { ...job };
  }

  /** Stops the scan of this submission, if one runs, and waits until its pages have settled. */
  async cancel(submissionId: string): Promise<void> {
    if (this.inScanner?.submissionId === submissionId) {
      this.inScanner.cancelled = true;
      this.ctx.scanner()?.cancel();
    }
    await this.pipeline.settled(submissionId);
  }

  /** Waits until every page scanned for the submission is stored (or failed): «完成» includes them all. */
  settled(submissionId: string): Promise<void> {
    return this.pipeline.settled(submissionId);
  }

  runningSubmission(): string | undefined {
    return this.inScanner?.submissionId ?? this.pipeline.busySubmission();
  }

  forget(submissionId: string): void {
    this.latest.delete(submissionId);
  }

  /** For closing the app: stops the scan, lets the pages already read be stored. */
  async idle(): Promise<void> {
    if (this.inScanner) this.inScanner.cancelled = true;
    this.ctx.scanner()?.cancel();
    await this.pipeline.settled();
  }

  private async run(submissionId: string, job: ScanJobView, turn: InScanner, leave: () => void, replacePageId?: string): Promise<void> {
    const { ctx } = this;
    const publish = () =>
      ctx.events.publish('scan.progress', { submissionId, jobId: job.id, materialId: job.materialId, state: job.state, percent: job.percent });
    let slot: PageSlot | undefined;
    try {
      slot = await this.pipeline.slot();
      if (turn.cancelled) throw new ScannerError('SCANNER_CANCELLED');
      // Once a process: sharp loaded and pdfkit warmed while the first page is in the scanner, beside its run
      // (the page goes to a file, so the scanner never waits for the event loop) rather than after it.
      void loadImageCodec();
      void warmUpPdf();
      let page: ScannedPage | undefined = await ctx.scanner()!.scan(
        { resolution: ctx.config.resolution, mode: ctx.config.mode, source: ctx.config.source, ...(ctx.config.area ? { area: ctx.config.area } : {}) },
        {
          allocate: slot.allocate,
          onProgress: (p) => {
            // scanimage reports every buffer; the screen needs whole percents.
            if (Math.floor(p) === job.percent) return;
            job.percent = Math.floor(p);
            publish();
          },
        },
      );
      leave(); // the next page may be scanned while this one is compressed
      job.state = 'processing';
      publish();
      const size = { width: page.width, height: page.height, resolution: page.options.resolution };
      const prepared = preparePage(page, ctx.config.jpegQuality, ctx.config.jpegCompression).finally(slot.release);
      page = undefined; // the raw pixels are sharp's until it is done with them, then the slot's again
      const pageId = randomUUID();
      await this.pipeline.inOrder(prepared, (jpeg) => this.store(submissionId, job, pageId, size, jpeg, replacePageId));
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
    } finally {
      slot?.release();
    }
  }

  /** Checks the size limit, writes the page and its thumbnail, adds the page (in place of a retaken one). */
  private async store(
    submissionId: string, job: ScanJobView, pageId: string, size: { width: number; height: number; resolution: number },
    prepared: PreparedPage, replacePageId?: string,
  ): Promise<void> {
    const { ctx } = this;
    const pages = await ctx.repo.pages(submissionId);
    const replaces = replacePageId ? pages.find((p) => p.id === replacePageId) : undefined;
    const stored = pages.filter((p) => p !== replaces).reduce((n, p) => n + Number(p.bytes), 0);
    if (stored + prepared.jpeg.length + PDF_OVERHEAD_BYTES > ctx.config.maxPdfMegabytes * 1024 * 1024) {
      throw conflict('SCAN_SIZE_LIMIT', '材料文件已达大小上限，请删除部分页面后再扫描');
    }
    const row = await ctx.repo.submission(submissionId);
    if (row?.state !== 'open') throw conflict('SUBMISSION_CLOSED', '该扫描已结束');
    await ctx.files.writeWork(ctx.files.pagePath(submissionId, pageId), prepared.jpeg);
    await ctx.files.writeWork(ctx.files.thumbPath(submissionId, pageId), prepared.thumbnail);
    const now = ctx.clock.now().toISOString();
    await ctx.repo.addPage(
      { id: pageId, submission_id: submissionId, material_id: job.materialId, ...size, bytes: prepared.jpeg.length, created_at: now },
      replaces,
      now,
    );
    if (replaces) await ctx.files.removeFiles(ctx.files.pagePath(submissionId, replaces.id), ctx.files.thumbPath(submissionId, replaces.id));
  }
}
