import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { badRequest, conflict, notFound } from '../core/errors';
import { serviceDate } from '../core/hall-time';
import type { MatterConfig } from './config';
import type { ScanContext } from './context';
import type { PageRow, ScanJobView, SubmissionRow, SubmissionView } from './types';

/**
 * Submissions: a person's materials for one matter, page by page, until «完成» turns them into a PDF.
 * Open submissions can be changed; finished ones only expire. Scanning itself is in jobs.ts, the PDF
 * in finish.ts.
 */
export class Submissions {
  private readonly matters: Map<string, MatterConfig>;

  constructor(private readonly ctx: ScanContext) {
    this.matters = new Map(ctx.config.matters.map((m) => [m.id, m]));
  }

  matter(id: string): MatterConfig {
    const m = this.matters.get(id);
    if (!m) throw notFound('MATTER_NOT_FOUND', `没有办理事项 ${id}`);
    return m;
  }

  listMatters(): MatterConfig[] {
    return this.ctx.config.matters;
  }

  async create(matterId: string, applicantMasked: string | null, ticketId?: string): Promise<SubmissionRow> {
    this.matter(matterId);
    const now = this.ctx.clock.now();
    const date = serviceDate(now, this.ctx.hall.timeZone);
    return this.ctx.repo.tx(async (q) => {
      const seq = await this.ctx.repo.nextSeq(q, date);
      const row: SubmissionRow = {
        id: randomUUID(),
        number: `SM${date.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`,
        matter_id: matterId,
        kiosk_id: this.ctx.hall.kioskId,
        state: 'open',
        applicant_masked: applicantMasked,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        finished_at: null,
        pdf_file: null,
        pdf_bytes: null,
        page_count: 0,
        ticket_id: ticketId ?? null,
      };
      await this.ctx.repo.insertSubmission(q, row);
      return row;
    });
  }

  async get(id: string): Promise<SubmissionRow> {
    const row = await this.ctx.repo.submission(id);
    if (!row) throw notFound('SUBMISSION_NOT_FOUND', '扫描记录不存在或已清除');
    return row;
  }

  async getOpen(id: string): Promise<SubmissionRow> {
    const row = await this.get(id);
    if (row.state !== 'open') throw conflict('SUBMISSION_CLOSED', '该扫描已完成，不能再修改');
    return row;
  }

  material(row: SubmissionRow, materialId: string) {
    const m = this.matter(row.matter_id).materials.find((x) => x.id === materialId);
    if (!m) throw badRequest('MATERIAL_NOT_FOUND', `事项没有材料 ${materialId}`);
    return m;
  }

  async page(submissionId: string, pageId: string): Promise<PageRow> {
    const page = await this.ctx.repo.page(submissionId, pageId);
    if (!page) throw notFound('PAGE_NOT_FOUND', '该页不存在');
    return page;
  }

  async view(row: SubmissionRow, job: ScanJobView | null): Promise<SubmissionView> {
    const pages = await this.ctx.repo.pages(row.id);
    const matter = this.matter(row.matter_id);
    return {
      id: row.id,
      number: row.number,
      matterId: matter.id,
      matterName: matter.name,
      state: row.state,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      applicantMasked: row.applicant_masked,
      pageCount: Number(row.page_count),
      maxPages: this.ctx.config.maxPages,
      materials: matter.materials.map((m) => ({
        id: m.id,
        name: m.name,
        required: m.required,
        ...(m.note ? { note: m.note } : {}),
        pages: pages
          .filter((p) => p.material_id === m.id)
          .sort((a, b) => a.position - b.position)
          .map((p) => ({
            id: p.id,
            position: p.position,
            width: p.width,
            height: p.height,
            resolution: p.resolution,
            thumbnailUrl: `/api/scan/submissions/${row.id}/pages/${p.id}/thumbnail`,
          })),
      })),
      job,
      pdf: row.pdf_file ? { file: row.pdf_file, bytes: Number(row.pdf_bytes), pages: Number(row.page_count) + 1 } : null,
    };
  }

  async deletePage(id: string, pageId: string): Promise<void> {
    await this.getOpen(id);
    await this.page(id, pageId);
    await this.ctx.repo.deletePage(id, pageId, this.ctx.clock.now().toISOString());
    await this.ctx.files.removeFiles(this.ctx.files.pagePath(id, pageId), this.ctx.files.thumbPath(id, pageId));
  }

  /** `pageIds` must be exactly the material's pages, in their new order. */
  async reorder(id: string, materialId: string, pageIds: readonly string[]): Promise<void> {
    const row = await this.getOpen(id);
    this.material(row, materialId);
    const current = (await this.ctx.repo.pages(id)).filter((p) => p.material_id === materialId).map((p) => p.id);
    const same = current.length === pageIds.length && new Set(pageIds).size === pageIds.length && pageIds.every((p) => current.includes(p));
    if (!same) throw badRequest('PAGE_ORDER_INVALID', '页面顺序与该材料的页面不一致，请刷新后重试');
    await this.ctx.repo.reorder(id, pageIds, this.ctx.clock.now().toISOString());
  }

  /** A finished submission's page images are gone (only the PDF stays): 404 PAGE_IMAGE_GONE, never a 500. */
  async thumbnail(id: string, pageId: string): Promise<Buffer> {
    await this.page(id, pageId);
    return readFile(this.ctx.files.thumbPath(id, pageId)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw notFound('PAGE_IMAGE_GONE', '该页图像已不在本机（办理完成后只保留 PDF）');
      throw err;
    });
  }

  /** Forgets an open submission and its page images (the person left, or pressed «返回»). */
  async discard(id: string): Promise<void> {
    await this.getOpen(id);
    await this.ctx.repo.deleteSubmission(id);
    await this.ctx.files.removeWork(id);
  }
}
