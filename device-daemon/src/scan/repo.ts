import type { Db, Queryable } from '../store/db';
import type { PageRow, SubmissionRow } from './types';

/** SQL of the scan service (store/db.ts dialect rules: `$n` placeholders, app-made ids, cast aggregates). */
export class ScanRepo {
  constructor(private readonly db: Db) {}

  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.db.tx(fn);
  }

  /** The next submission sequence of a service day, atomically (row lock on PostgreSQL). */
  async nextSeq(q: Queryable, serviceDate: string): Promise<number> {
    const rows = await q.query<{ last_seq: number }>(
      `INSERT INTO scan_counters (service_date, last_seq) VALUES ($1, 1)
       ON CONFLICT (service_date) DO UPDATE SET last_seq = scan_counters.last_seq + 1 RETURNING last_seq`,
      [serviceDate],
    );
    return Number(rows[0]!.last_seq);
  }

  async insertSubmission(q: Queryable, r: SubmissionRow): Promise<void> {
    await q.execute(
      `INSERT INTO scan_submissions (id, number, matter_id, kiosk_id, state, applicant_masked, created_at, updated_at, page_count, ticket_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)`,
      [r.id, r.number, r.matter_id, r.kiosk_id, r.state, r.applicant_masked, r.created_at, r.updated_at, r.ticket_id ?? null],
    );
  }

  async submission(id: string): Promise<SubmissionRow | undefined> {
    const rows = await this.db.query<SubmissionRow>('SELECT * FROM scan_submissions WHERE id = $1', [id]);
    return rows[0] ? { ...rows[0], page_count: Number(rows[0].page_count) } : undefined;
  }

  async pages(submissionId: string): Promise<PageRow[]> {
    return this.db.query<PageRow>(
      'SELECT * FROM scan_pages WHERE submission_id = $1 ORDER BY material_id, position',
      [submissionId],
    );
  }

  async page(submissionId: string, pageId: string): Promise<PageRow | undefined> {
    const rows = await this.db.query<PageRow>('SELECT * FROM scan_pages WHERE id = $1 AND submission_id = $2', [pageId, submissionId]);
    return rows[0];
  }

  /** Adds a page at the end of its material, or in place of `replaces` (retake), and counts the pages. */
  async addPage(page: Omit<PageRow, 'position'>, replaces: PageRow | undefined, now: string): Promise<PageRow> {
    return this.db.tx(async (q) => {
      let position: number;
      if (replaces) {
        position = replaces.position;
        await q.execute('DELETE FROM scan_pages WHERE id = $1', [replaces.id]);
      } else {
        const rows = await q.query<{ n: number | null }>(
          'SELECT CAST(MAX(position) AS INTEGER) AS n FROM scan_pages WHERE submission_id = $1 AND material_id = $2',
          [page.submission_id, page.material_id],
        );
        position = Number(rows[0]?.n ?? 0) + 1;
      }
      const row: PageRow = { ...page, position };
      await q.execute(
        `INSERT INTO scan_pages (id, submission_id, material_id, position, width, height, resolution, bytes, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [row.id, row.submission_id, row.material_id, row.position, row.width, row.height, row.resolution, row.bytes, row.created_at],
      );
      await this.recount(q, page.submission_id, now);
      return row;
    });
  }

  async deletePage(submissionId: string, pageId: string, now: string): Promise<void> {
    await this.db.tx(async (q) => {
      await q.execute('DELETE FROM scan_pages WHERE id = $1 AND submission_id = $2', [pageId, submissionId]);
      await this.recount(q, submissionId, now);
    });
  }

  /** Sets the order of one material's pages: `pageIds[0]` becomes position 1. */
  async reorder(submissionId: string, pageIds: readonly string[], now: string): Promise<void> {
    await this.db.tx(async (q) => {
      for (const [i, pageId] of pageIds.entries()) {
        await q.execute('UPDATE scan_pages SET position = $1 WHERE id = $2 AND submission_id = $3', [i + 1, pageId, submissionId]);
      }
      await q.execute('UPDATE scan_submissions SET updated_at = $1 WHERE id = $2', [now, submissionId]);
    });
  }

  async markFinished(id: string, pdf: { file: string; bytes: number; pages: number }, now: string, missing: string[] = []): Promise<void> {
    await this.db.execute(
      `UPDATE scan_submissions SET state = 'finished', pdf_file = $1, pdf_bytes = $2, finished_at = $3, updated_at = $3, missing = $5
       WHERE id = $4 AND state = 'open'`,
      [pdf.file, pdf.bytes, now, id, missing.length ? JSON.stringify(missing) : null],
    );
  }

  /** Forgets an open submission entirely (its person walked away). */
  async deleteSubmission(id: string): Promise<void> {
    await this.db.tx(async (q) => {
      await q.execute('DELETE FROM scan_pages WHERE submission_id = $1', [id]);
      await q.execute('DELETE FROM scan_submissions WHERE id = $1', [id]);
    });
  }

  async openBefore(cutoff: string, kioskId: string): Promise<SubmissionRow[]> {
    return this.db.query<SubmissionRow>(
      `SELECT * FROM scan_submissions WHERE state = 'open' AND updated_at < $1 AND kiosk_id = $2`,
      [cutoff, kioskId],
    );
  }

  async openIds(kioskId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(`SELECT id FROM scan_submissions WHERE state = 'open' AND kiosk_id = $1`, [kioskId]);
    return rows.map((r) => r.id);
  }

  async finishedBefore(cutoff: string, kioskId: string): Promise<SubmissionRow[]> {
    return this.db.query<SubmissionRow>(
      // Retention counts from the end of the service the materials were for, else from the scan.
      `SELECT * FROM scan_submissions WHERE state = 'finished' AND COALESCE(service_ended_at, finished_at) < $1 AND kiosk_id = $2`,
      [cutoff, kioskId],
    );
  }

  /** The PDF is gone: keep the number and counts for statistics, drop everything about the person. */
  async markExpired(id: string, now: string): Promise<void> {
    await this.db.execute(
      `UPDATE scan_submissions SET state = 'expired', pdf_file = NULL, applicant_masked = NULL, updated_at = $1 WHERE id = $2`,
      [now, id],
    );
  }

  private async recount(q: Queryable, submissionId: string, now: string): Promise<void> {
    await q.execute(
      `UPDATE scan_submissions SET updated_at = $1,
         page_count = (SELECT CAST(COUNT(*) AS INTEGER) FROM scan_pages WHERE submission_id = $2)
       WHERE id = $2`,
      [now, submissionId],
    );
  }
}
