import type { EventEmitter } from 'node:events';
import type { IdCardError } from './codec/status';
import type { IdReaderEvents } from './driver';

/**
 * The interactive health check: the technician is asked (by the maintenance screen) to place a card; this
 * waits for the next read or read error, or gives up after `timeoutMs`. The card's content is not looked at.
 */
export function waitForCard(cards: EventEmitter<IdReaderEvents>, timeoutMs: number): Promise<{ ok: boolean; text: string }> {
  return new Promise((resolve) => {
    const done = (result: { ok: boolean; text: string }) => {
      clearTimeout(timer);
      cards.off('card', onCard);
      cards.off('readError', onError);
      resolve(result);
    };
    const onCard = () => done({ ok: true, text: '已读到身份证，读卡器工作正常' });
    const onError = (e: IdCardError) => done({ ok: false, text: e.message });
    const timer = setTimeout(() => done({ ok: false, text: '等待放卡超时：请将身份证放在感应区后重试' }), timeoutMs);
    cards.on('card', onCard);
    cards.on('readError', onError);
  });
}
