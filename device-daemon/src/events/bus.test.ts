import { describe, expect, it } from 'vitest';
import { EventBus, type KioskEvent } from './bus';

describe('event bus', () => {
  it('delivers each published event as one object with its type, to every subscriber until it unsubscribes', () => {
    const bus = new EventBus();
    const seen: KioskEvent[] = [];
    const off = bus.subscribe((e) => seen.push(e));
    bus.publish('queue.called', { number: 'A001', counter: 3, categoryId: 'A', recall: false });
    off();
    bus.publish('queue.called', { number: 'A002', counter: 3, categoryId: 'A', recall: false });
    expect(seen).toEqual([{ type: 'queue.called', number: 'A001', counter: 3, categoryId: 'A', recall: false }]);
    // Narrowing by type reaches the payload's own fields without a cast.
    const first = seen[0]!;
    if (first.type === 'queue.called') expect(first.counter + 1).toBe(4);
  });
});

/**
 * Never called: `npm run typecheck` fails if a wrong payload is accepted (each `@ts-expect-error` must meet
 * an error). The features' event declarations are part of the same program, as in the app.
 */
export function wrongPayloadsFailTypecheck(bus: EventBus): void {
  // @ts-expect-error the counter is a number
  bus.publish('queue.called', { number: 'A001', counter: '3', categoryId: 'A', recall: false });
  // @ts-expect-error no such event
  bus.publish('queue.unknown', {});
  // @ts-expect-error the link's state is missing
  bus.publish('hall.link', {});
}
