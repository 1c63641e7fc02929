import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { Sealer } from '../core/crypto/sealed';
import { WorkorderService } from './service';
import { workorderMigrations } from './migrations';
import workorderRoutes from './routes';
import contactRoutes from './contact-routes';
import type { WorkorderState } from './types';

declare module 'fastify' {
  interface FastifyInstance {
    workorders: WorkorderService;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    'workorder.changed': { workorder: { id: string; ticketNumber: string; state: WorkorderState; dueDate: string } };
  }
}

const RETENTION_SWEEP_MS = 3_600_000;

/** 差评工单: opened with each bad rating, worked to closure by managers at /manage. See workorders/README.md. */
export default fp(
  async function workordersPlugin(app: FastifyInstance) {
    await app.store.migrate('workorders', workorderMigrations);
    const log = app.log.child({ area: 'workorders' });
    const service = new WorkorderService(app.store, app.evaluations, Sealer.open(app.config.dataDir), app.clock, {
      timeZone: app.config.hall.timezone,
      raterDataUpstream: app.config.evaluation.upstream?.raterData ?? false,
      retentionDays: app.config.evaluation.followUp.retentionDays,
      sealFailed: (code) => log.warn({ code }, 'rater phone not opened: is contact-seal.keys the same on every daemon of the hall?'),
      changed(w) {
        app.events.publish('workorder.changed', { workorder: { id: w.id, ticketNumber: w.ticketNumber, state: w.state, dueDate: w.dueDate } });
        app.evaluationSender?.kick();
      },
    });
    app.evaluations.onRecordedInTx((q, evaluation, facts) => service.openFor(q, evaluation, facts));
    app.decorate('workorders', service);

    const sweep = () =>
      service.applyRetention().then(
        (n) => n > 0 && log.info({ count: n }, 'contact data of closed 差评工单 erased (retention)'),
        (err: Error) => log.warn({ err: err.message }, 'workorder retention sweep failed'),
      );
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      void sweep();
      timer = setInterval(() => void sweep(), RETENTION_SWEEP_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => clearInterval(timer));

    await app.register(workorderRoutes);
    await app.register(contactRoutes);
  },
  { name: 'workorders', dependencies: ['config', 'store', 'events', 'evaluation', 'manage'] },
);
