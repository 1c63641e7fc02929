import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { EvaluationService } from './service';
import { InvitationService, type Invitation } from './invitations';
import { OutboxSender } from './sender';
import { evaluationMigrations } from './migrations';
import evaluationRoutes from './routes';
import technicianRoutes from './technician-routes';
import type { Channel } from './types';

declare module 'fastify' {
  interface FastifyInstance {
    evaluations: EvaluationService;
    evaluationInvitations: InvitationService;
    /** Absent when no `evaluation.upstream` is configured: ratings then stay pending in the outbox. */
    evaluationSender: OutboxSender | undefined;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    'evaluation.invited': { invitation: Invitation };
    /** The keypad answered; with `needsReason` the screen asks for a reason and records the rating. */
    'evaluation.answered': { invitationId: string; ticketId: string; level: number; channel: 'keypad'; needsReason: boolean };
    'evaluation.invitation.ended': { invitationId: string; ticketId: string; reason: 'expired' | 'answered' | 'cancelled' };
    /**
     * A rating was committed. `reasonsGiven: false` is a bad rating from a window keypad with no screen (its
     * 差评工单 opens all the same); window, staff and 办件 say whose service it rated.
     */
    'evaluation.recorded': {
      evaluation: {
        id: string; ticketId: string; ticketNumber: string; level: number; channel: Channel; reasonsGiven: boolean;
        window: number | null; staffId: string | null; matterCode: string | null; caseNumber: string | null;
      };
    };
    /** `evaluationId` is the message id: a rating id, or `<工单 id>:<step>` for kind `workorder`. */
    'evaluation.dead-letter': { evaluationId: string; kind: 'rating' | 'workorder'; attempts: number; error: string };
  }
}

/**
 * 好差评: ratings with their outbox and follow-ups, keypad invitations, delivery to the provincial system,
 * the 7-day default rule and the technician's export. See evaluation/README.md.
 */
export default fp(
  async function evaluationPlugin(app: FastifyInstance) {
    await app.store.migrate('evaluation', evaluationMigrations);
    const cfg = app.config.evaluation;
    const log = app.log.child({ area: 'evaluation' });

    let sender: OutboxSender | undefined;
    // The service's `recorded` callback needs the invitations, which need the service: tied once both exist.
    const late: { invitations?: InvitationService } = {};
    const service = new EvaluationService(app.store, app.queue, cfg, app.clock, {
      hallName: app.config.hall.name,
      timeZone: app.config.hall.timezone,
      kioskId: app.config.hall.kioskId,
      regionCode: app.config.hall.regionCode ?? null,
      mapping: cfg.upstream?.mapping ?? {},
      staffName: (id) => app.staff.get(id)?.name ?? null,
      matterName: (code) => app.matters.get(code)?.name ?? null,
      matterDepartment: (code) => app.matters.get(code)?.department ?? null,
      recorded(e) {
        app.events.publish('evaluation.recorded', {
          evaluation: {
            id: e.id, ticketId: e.ticketId, ticketNumber: e.ticketNumber, level: e.level, channel: e.channel, reasonsGiven: e.reasonsGiven,
            window: e.window, staffId: e.staffId, matterCode: e.matterCode, caseNumber: e.caseNumber,
          },
        });
        // Only called once a rating is recorded, after the plugin has finished: `invitations` exists by then.
        late.invitations?.ticketRated(e.ticketId);
        sender?.kick();
      },
    });
    const invitations = new InvitationService(service, app.queue, app.events, log, app.devices.keypad);
    late.invitations = invitations;
    // The window's keypad (devices.keypad.counter) is invited the moment that window finishes a service.
    const keypadCounter = app.config.devices.keypad?.counter;
    const unsubscribeFinished = app.events.subscribe((event) => {
      if (event.type !== 'queue.finished' || event.counter !== keypadCounter) return;
      const window = { counter: event.counter, staffId: event.staffId, caseNumber: event.caseNumber };
      invitations.invite(event.ticketId, window).catch((err: Error) =>
        log.warn({ code: (err as { code?: string }).code, ticket: event.ticketNumber }, 'window keypad not invited'));
    });
    if (cfg.upstream) {
      sender = new OutboxSender(app.store, cfg.upstream, app.clock, log, {
        deadLetter: (row, error) => app.events.publish('evaluation.dead-letter', { evaluationId: row.message_id, kind: row.kind, attempts: row.attempts, error }),
      });
    } else {
      log.warn('evaluation.upstream.url is not configured: ratings are kept in the outbox until it is');
    }
    app.decorate('evaluations', service);
    app.decorate('evaluationInvitations', invitations);
    app.decorate('evaluationSender', sender);

    const sweep = () =>
      service.applyDefaultRule().then(
        (n) => n > 0 && log.info({ count: n }, 'unrated tickets recorded as 基本满意 (default rule)'),
        (err: Error) => log.warn({ err: err.message }, 'default rule sweep failed'),
      );
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      sender?.start();
      void sweep();
      timer = setInterval(() => void sweep(), cfg.defaultSweepMinutes * 60_000);
      timer.unref();
    });
    // onClose hooks of later plugins run first: the sender stops before the store closes.
    app.addHook('onClose', async () => {
      unsubscribeFinished();
      clearInterval(timer);
      await sender?.stop();
    });

    await app.register(evaluationRoutes);
    await app.register(technicianRoutes);
  },
  { name: 'evaluation', dependencies: ['config', 'store', 'events', 'devices', 'queue', 'maintenance', 'staff', 'matters'] },
);
