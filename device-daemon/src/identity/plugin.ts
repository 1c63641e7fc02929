import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { IdentitySessions } from './sessions';
import { loadOrCreateSecret } from './secret';
import { decodePhoto } from './photo';
import { loadSpawner } from '../devices/core/spawn-without-fork';
import { readerErrorMessage } from './messages';
import identityRoutes from './routes';
import type { MaskedCard } from './types';
import { realNameGate, type RealNameGate } from './real-name-gate';
import type { CardRead } from '../devices/idcard';
import { collectYoungSoon } from '../core/young-collection';

/**
 * How long after `card.read` the photo decoder starts. On two cores, started a loop turn after it, the decoder's
 * processes put `card.read` at the client at p99 4.6-4.7 ms; 5 ms later, 1.9-2.7 ms, for a photo 0-4 ms later
 * (A/B alternated, 300 reads each, docs/PERFORMANCE.md «Fifth round»).
 */
const PHOTO_AFTER_MS = 5;

declare module 'fastify' {
  interface FastifyInstance {
    identity: IdentitySessions;
    /** The real-name rules of a ticket request, for the queue. */
    realNameGate: RealNameGate;
  }
}

declare module '../events/bus' {
  interface KioskEvents {
    /** Masked fields only (docs/INTERFACE.md): never a full name or number. */
    'card.read': { sessionId: string; card: MaskedCard; eligibleForPriority: boolean };
    /** The decoded photo of a session's card, after its `card.read` (only with a photo decoder configured). */
    'card.photo': { sessionId: string; photo: string };
    'card.removed': { sessionId?: string; at: string };
    'reader.error': { code: string; message: string };
  }
}

/**
 * The identity of the person at the kiosk: listens to the ID-card reader, keeps the full card in memory for
 * the person's session only, and publishes what the screen may show. Nothing here logs card content.
 */
export default fp(
  async function identityPlugin(app: FastifyInstance) {
    const cfg = app.config.identity;
    const sessions = new IdentitySessions({
      secret: loadOrCreateSecret(app.config.dataDir, cfg.secret),
      clock: app.clock,
      timeZone: app.config.hall.timezone,
      priorityAge: app.config.queue.priorityAge,
      maxMs: cfg.sessionMaxMinutes * 60_000,
      graceMs: cfg.removalGraceSeconds * 1000,
      onEnd: (sessionId, reason) => app.log.debug({ sessionId, reason }, 'identity session ended'),
    });
    sessions.warmUp();
    app.decorate('identity', sessions);
    app.decorate('realNameGate', realNameGate(sessions, app.config.queue.priorityAge));
    await app.register(identityRoutes);

    const reader = app.devices.idReader;
    if (!reader) return;
    const photoDecoder = app.config.devices.idReader?.photoDecoder;
    // The decoder runs at every card read: started without fork() where glibc allows (photo.ts).
    const spawner = photoDecoder ? await loadSpawner() : undefined;

    const failed = (err: unknown) => app.log.error({ err: { message: (err as Error).message } }, 'card handling failed');
    // The masked text goes to the screen at once; the photo follows as `card.photo`, because an external
    // decoder is a child process (tens of ms) and the screen has nothing to wait for (docs/PERFORMANCE.md).
    const attachPhoto = async (sessionId: string, wlt: Buffer, command: string) => {
      try {
        const result = await decodePhoto(command, wlt, undefined, spawner);
        if (!result.ok) app.log.warn({ reason: result.reason }, 'ID photo not decoded');
        else if (sessions.addPhoto(sessionId, result.dataUrl)) app.events.publish('card.photo', { sessionId, photo: result.dataUrl });
      } finally {
        wlt.fill(0);
      }
    };
    const onCard = (read: CardRead) => {
      const view = sessions.start(read.card);
      app.log.info({ sessionId: view.sessionId, cardType: view.card.cardType }, 'ID card read');
      app.events.publish('card.read', { sessionId: view.sessionId, card: view.card, eligibleForPriority: view.eligibleForPriority });
      // Started a few ms later, once the screen has had card.read: the decoder's processes starting on the
      // kiosk's cores would otherwise delay the browser's wake-up (docs/PERFORMANCE.md, the card read path).
      if (photoDecoder) setTimeout(() => void attachPhoto(view.sessionId, read.photo, photoDecoder).catch(failed), PHOTO_AFTER_MS);
      else read.photo.fill(0);
    };
    const onRemoved = () => {
      const [sessionId] = sessions.cardRemoved();
      app.events.publish('card.removed', { ...(sessionId ? { sessionId } : {}), at: app.clock.now().toISOString() });
      // The next card's read then starts with V8's young generation almost empty (core/young-collection.ts).
      collectYoungSoon();
    };
    const onError = (err: { code: Parameters<typeof readerErrorMessage>[0] }) => {
      app.events.publish('reader.error', { code: err.code, message: readerErrorMessage(err.code) });
    };
    const onState = ({ state }: { state: string }) => {
      if (state === 'offline') onError({ code: 'READER_DISCONNECTED' });
    };
    const card = (read: CardRead) => {
      try {
        onCard(read);
      } catch (err) {
        failed(err);
      }
    };
    reader.cards.on('card', card);
    reader.cards.on('removed', onRemoved);
    reader.cards.on('readError', onError);
    reader.on('state', onState);
    app.addHook('onClose', async () => {
      reader.cards.off('card', card);
      reader.cards.off('removed', onRemoved);
      reader.cards.off('readError', onError);
      reader.off('state', onState);
      sessions.endAll('closed');
    });
  },
  { name: 'identity', dependencies: ['config', 'events', 'devices', 'store'] },
);
