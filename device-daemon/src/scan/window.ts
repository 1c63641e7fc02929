import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { badRequest, conflict, notFound } from '../core/errors';
import type { Db } from '../store/db';
import type { ScanContext } from './context';
import type { Submissions } from './service';
import type { SubmissionRow, SubmissionView } from './types';

/** Who opened a PDF: a window's signed-in staff, a window PC's token, or a manager. */
export interface Opener {
  staffId: string | null;
  counter: number | null;
  via: string;
}

export interface Review {
  received: string[];
  requested: string[];
}

export interface WindowSubmission extends SubmissionView {
  ticketId: string | null;
  /** Required materials left unscanned at «完成» (容缺, the person confirmed). */
  missing: string[];
  review: Review;
}

const parse = <T>(json: string | null | undefined, fallback: T): T => (json ? (JSON.parse(json) as T) : fallback);

/**
 * The window's side of scanned materials: a submission linked to the person's ticket, found by ticket, SM number or
 * the person at the window; its PDF opened by signed-in staff only, every opening recorded (who, where, when); the
 * window's review (received, asked for). The PDF lives where every daemon of the hall reads it (`scan.pdfFolder`).
 */
export class WindowDesk {
  constructor(
    private readonly db: Db,
    private readonly ctx: ScanContext,
    private readonly submissions: Submissions,
    /** Whether a ticket id is one of the hall's tickets (the queue, through the plugin). */
    private readonly ticketExists: (ticketId: string) => Promise<boolean>,
  ) {}

  async link(id: string, ticketId: string): Promise<void> {
    const row = await this.submissions.get(id);
    if (row.state === 'expired') throw conflict('SUBMISSION_EXPIRED', '该扫描已过保存期限');
    if (!(await this.ticketExists(ticketId))) throw notFound('TICKET_NOT_FOUND', '没有这个号');
    await this.db.execute('UPDATE scan_submissions SET ticket_id = $1, updated_at = $2 WHERE id = $3', [ticketId, this.now(), id]);
  }

  /** Finished submissions of a ticket, or the one with an SM number, newest first. */
  async find(by: { ticketId?: string; number?: string }): Promise<WindowSubmission[]> {
    if (!by.ticketId && !by.number) throw badRequest('INVALID_REQUEST', '请给出号码（ticketId）或提交编号（number）');
    const rows = by.ticketId
      ? await this.db.query<SubmissionRow>(`SELECT * FROM scan_submissions WHERE ticket_id = $1 AND state <> 'open' ORDER BY created_at DESC`, [by.ticketId])
      : await this.db.query<SubmissionRow>(`SELECT * FROM scan_submissions WHERE number = $1 AND state <> 'open'`, [by.number!.toUpperCase()]);
    return Promise.all(rows.map((r) => this.view(r)));
  }

  async view(row: SubmissionRow): Promise<WindowSubmission> {
    return {
      ...(await this.submissions.view(row, null)),
      ticketId: row.ticket_id ?? null,
      missing: parse<string[]>(row.missing, []),
      review: parse<Review>(row.review, { received: [], requested: [] }),
    };
  }

  /** The PDF as a stream, after recording who opened it; 404 once it expired or when its file is gone. */
  async openPdf(id: string, who: Opener): Promise<{ number: string; stream: NodeJS.ReadableStream }> {
    const row = await this.submissions.get(id);
    if (row.state !== 'finished' || !row.pdf_file) throw notFound('PDF_NOT_AVAILABLE', '该扫描没有可查看的 PDF（未完成或已过保存期限）');
    const file = this.ctx.files.pdfPath(row.pdf_file);
    await access(file).catch(() => {
      throw notFound('PDF_NOT_AVAILABLE', '该 PDF 不在共享存储中，请联系管理员');
    });
    await this.db.execute(
      'INSERT INTO scan_pdf_openings (id, submission_id, staff_id, counter, via, opened_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [randomUUID(), id, who.staffId, who.counter, who.via, this.now()],
    );
    this.ctx.log.info({ submission: row.number, staffId: who.staffId, counter: who.counter, via: who.via }, 'scan PDF opened');
    return { number: row.number, stream: createReadStream(file) };
  }

  async openings(id: string): Promise<{ staffId: string | null; counter: number | null; via: string; openedAt: string }[]> {
    await this.submissions.get(id);
    const rows = await this.db.query<{ staff_id: string | null; counter: number | null; via: string; opened_at: string }>(
      'SELECT * FROM scan_pdf_openings WHERE submission_id = $1 ORDER BY opened_at', [id]);
    return rows.map((r) => ({ staffId: r.staff_id, counter: r.counter === null ? null : Number(r.counter), via: r.via, openedAt: r.opened_at }));
  }

  /** The window marks materials received, or asks for one that is missing. Ids must be the matter's materials. */
  async review(id: string, review: Review): Promise<WindowSubmission> {
    const row = await this.submissions.get(id);
    for (const m of [...review.received, ...review.requested]) this.submissions.material(row, m);
    await this.db.execute('UPDATE scan_submissions SET review = $1, updated_at = $2 WHERE id = $3', [JSON.stringify(review), this.now(), id]);
    return this.view(await this.submissions.get(id));
  }

  /** 办结 of a linked ticket: retention of its materials counts from now. */
  async serviceEnded(ticketId: string, at: string): Promise<void> {
    await this.db.execute('UPDATE scan_submissions SET service_ended_at = $1 WHERE ticket_id = $2 AND service_ended_at IS NULL', [at, ticketId]);
  }

  private now(): string {
    return this.ctx.clock.now().toISOString();
  }
}
