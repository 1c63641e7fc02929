import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { EventBus } from '../events/bus';
import type { StoreNotifications } from '../store/db';
import { HallRelay } from './relay';

const silent = { info: () => undefined, warn: () => undefined } as unknown as FastifyBaseLogger;

/** A relay over a link that records each NOTIFY's events and when it went (fake time, ms since start). */
async function relay() {
  const sent: { at: number; types: string[] }[] = [];
  const start = Date.now();
  const link: StoreNotifications = {
    notify: async (_channel, payload) => {
      sent.push({ at: Date.now() - start, types: (JSON.parse(payload) as { es: { type: string }[] }).es.map((e) => e.type) });
    },
    listen: async () => ({ close: async () => undefined }),
  };
  const bus = new EventBus();
  const r = new HallRelay(link, bus, silent);
  await r.start();
  return { bus, sent, relay: r };
}

const issued = (n: number) => ({ ticket: { id: `t${n}`, number: `A00${n}`, categoryId: 'A' } });
const called = { number: 'A001', counter: 3, categoryId: 'A', recall: false };

describe('hall relay batching', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets new tickets wait 500 ms for others: one NOTIFY for the burst', async () => {
    const { bus, sent, relay: r } = await relay();
    bus.publish('queue.ticket.issued', issued(1));
    await vi.advanceTimersByTimeAsync(100);
    bus.publish('queue.ticket.issued', issued(2));
    await vi.advanceTimersByTimeAsync(350);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toEqual([{ at: 500, types: ['queue.ticket.issued', 'queue.ticket.issued'] }]);
    await r.stop();
  });

  it('sends a call within 50 ms, with the tickets before it, in order', async () => {
    const { bus, sent, relay: r } = await relay();
    bus.publish('queue.ticket.issued', issued(1));
    await vi.advanceTimersByTimeAsync(20);
    bus.publish('queue.called', called);
    await vi.advanceTimersByTimeAsync(29);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([{ at: 50, types: ['queue.ticket.issued', 'queue.called'] }]);
    // The next batch starts patient again.
    bus.publish('queue.ticket.issued', issued(2));
    await vi.advanceTimersByTimeAsync(500);
    expect(sent[1]).toEqual({ at: 550, types: ['queue.ticket.issued'] });
    await r.stop();
  });

  it('sends at once a call that comes after the batch has waited 50 ms already', async () => {
    const { bus, sent, relay: r } = await relay();
    bus.publish('queue.ticket.issued', issued(1));
    await vi.advanceTimersByTimeAsync(120);
    bus.publish('queue.called', called);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ at: 120, types: ['queue.ticket.issued', 'queue.called'] }]);
    await r.stop();
  });
});
