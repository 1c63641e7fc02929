import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { scanMigrations } from './migrations';
import { ScanRepo } from './repo';
import { ScanFiles } from './files';
import { Submissions } from './service';
import { ScanJobs } from './jobs';
import { finishSubmission, type FinishResult } from './finish';
import { sweep } from './retention';
import type { ReceiptPrinter, ScanContext } from './context';
import type { JobState } from './types';
import scanRoutes from './routes';
import previewRoute from './preview';
import scanWindowRoutes from './window-routes';
import { WindowDesk } from './window';

/** The scan service as the routes (and tests) use it. */
export interface ScanService {
  submissions: Submissions;
  jobs: ScanJobs;
  finish(id: string): Promise<FinishResult>;
  /** Stops a running scan of the submission, then forgets it and its images. */
  discard(id: string): Promise<void>;
  /** Retention: drop abandoned open submissions and expired PDFs now. */
  sweep(): ReturnType<typeof sweep>;
  /** Where finished PDFs are written. */
  readonly folder: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    scan: ScanService;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    'scan.progress': { submissionId: string; jobId: string; materialId: string; state: JobState; percent: number };
    'scan.page': {
      submissionId: string;
      jobId: string;
      materialId: string;
      state: 'done' | 'failed';
      pageId?: string;
      error?: { code: string; message: string };
    };
    'scan.finished': { submissionId: string; number: string; pages: number };
  }
}

const SWEEP_EVERY_MS = 10 * 60_000;

export default fp(
  async function scanPlugin(app: FastifyInstance) {
    await app.store.migrate('scan', scanMigrations);
    const files = new ScanFiles(app.config.dataDir, app.config.scan.pdfFolder);
    await files.init();
    const ctx: ScanContext = {
      config: { ...app.config.scan, matters: app.matters.forScanning() },
      repo: new ScanRepo(app.store),
      files,
      clock: app.clock,
      events: app.events,
      log: app.log.child({ feature: 'scan' }),
      hall: { name: app.config.hall.name, timeZone: app.config.hall.timezone, kioskId: app.config.hall.kioskId },
      scanner: () => app.devices.scanner,
      // A missing printer is reported with the result, never fatal: the PDF is kept.
      printer: (): ReceiptPrinter | undefined => app.devices.printer,
    };
    const submissions = new Submissions(ctx);
    const jobs = new ScanJobs(ctx, submissions);
    const busy = () => jobs.runningSubmission();
    app.decorate('scan', {
      submissions,
      jobs,
      finish: async (id: string) => {
        // Pages still being compressed belong in the PDF: the person saw them scanned.
        await jobs.settled(id);
        return finishSubmission(ctx, submissions, id);
      },
      discard: async (id: string) => {
        await submissions.getOpen(id);
        await jobs.cancel(id);
        await submissions.discard(id);
        jobs.forget(id);
      },
      sweep: () => sweep(ctx, busy()),
      folder: files.root,
    } satisfies ScanService);

    const timer = setInterval(() => void app.scan.sweep().catch((err) => ctx.log.error({ err }, 'scan sweep failed')), SWEEP_EVERY_MS);
    timer.unref();
    app.addHook('onReady', async () => {
      await app.scan.sweep();
      const open = await ctx.repo.openIds(ctx.hall.kioskId);
      const removed = await files.removeLeftovers(new Set(open));
      if (removed) ctx.log.info({ removed }, 'removed scan leftovers of an earlier run');
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await jobs.idle();
    });
    await app.register(scanRoutes);
    await app.register(previewRoute);
    const desk = new WindowDesk(app.store, ctx, submissions, (ticketId) => app.queue.get(ticketId).then(() => true, () => false));
    // 办结 of a linked ticket starts its materials' retention.
    const unsubscribe = app.events.subscribe((e) => {
      if (e.type === 'queue.finished') void desk.serviceEnded(e.ticketId, e.finishedAt).catch((err) => ctx.log.error({ err }, 'retention start failed'));
    });
    app.addHook('onClose', async () => unsubscribe());
    await app.register(scanWindowRoutes, { desk });
  },
  { name: 'scan', dependencies: ['config', 'store', 'events', 'devices', 'matters', 'queue', 'staff-auth'] },
);
