import { rm } from 'node:fs/promises';
import type { ScanContext } from './context';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface SweepResult {
  abandoned: number;
  expired: number;
}

/**
 * Deletes what must not be kept: open submissions nobody touched for `abandonAfterMinutes` (the screen's
 * own timeout normally discards them first), and finished PDFs older than `retentionDays`. Only this
 * kiosk's submissions: in hall-wide mode each kiosk owns the files on its own disk.
 */
export async function sweep(ctx: ScanContext, busySubmission?: string): Promise<SweepResult> {
  const now = ctx.clock.now();
  const { kioskId } = ctx.hall;
  let abandoned = 0;
  for (const row of await ctx.repo.openBefore(new Date(now.getTime() - ctx.config.abandonAfterMinutes * MINUTE).toISOString(), kioskId)) {
    if (row.id === busySubmission) continue;
    await ctx.repo.deleteSubmission(row.id);
    await ctx.files.removeWork(row.id);
    abandoned++;
  }
  const cutoff = new Date(now.getTime() - ctx.config.retentionDays * DAY);
  let expired = 0;
  for (const row of await ctx.repo.finishedBefore(cutoff.toISOString(), kioskId)) {
    if (row.pdf_file) await rm(ctx.files.pdfPath(row.pdf_file), { force: true });
    await ctx.repo.markExpired(row.id, now.toISOString());
    expired++;
  }
  // PDFs the database does not know (a crash between rename and update) follow the same deadline.
  for (const file of await ctx.files.pdfsOlderThan(cutoff)) await rm(file, { force: true });
  if (abandoned || expired) ctx.log.info({ abandoned, expired }, 'scan retention sweep');
  return { abandoned, expired };
}
