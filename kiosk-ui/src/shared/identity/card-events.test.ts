import { describe, expect, it } from 'vitest';
import { afterCardEvent, type CardEvent } from './card-events';
import type { IdCardState } from './use-id-card';
import type { MaskedCard } from './api';

const card: MaskedCard = {
  cardType: 'resident', nameMasked: '张*明', idNumberMasked: '4451**********1234', gender: 'male', genderText: '男',
  age: 41, validTo: '2035-06-01', expired: false,
};
const read = (sessionId: string): CardEvent => ({ type: 'card.read', sessionId, card, eligibleForPriority: false });
const photo = (sessionId: string): CardEvent => ({ type: 'card.photo', sessionId, photo: 'data:image/png;base64,iVBO' });

describe('afterCardEvent', () => {
  it('shows the card at card.read, then adds the photo that follows for the same session', () => {
    const shown = afterCardEvent({ kind: 'waiting' }, read('s1'));
    expect(shown).toMatchObject({ kind: 'read', cardPresent: true, session: { sessionId: 's1', card: { nameMasked: '张*明' } } });
    expect((shown as Extract<IdCardState, { kind: 'read' }>).session.card.photo).toBeUndefined();
    const pictured = afterCardEvent(shown, photo('s1'));
    expect((pictured as Extract<IdCardState, { kind: 'read' }>).session.card).toEqual({ ...card, photo: 'data:image/png;base64,iVBO' });
  });

  it("never puts a photo on another person's card, nor on a screen still waiting", () => {
    const shown = afterCardEvent({ kind: 'waiting' }, read('s2'));
    expect(afterCardEvent(shown, photo('s1'))).toBe(shown);
    expect(afterCardEvent({ kind: 'waiting' }, photo('s1'))).toEqual({ kind: 'waiting' });
  });

  it('keeps the read card (and its photo) when the card leaves; an error or lift goes back to waiting', () => {
    const pictured = afterCardEvent(afterCardEvent({ kind: 'waiting' }, read('s3')), photo('s3'));
    const left = afterCardEvent(pictured, { type: 'card.removed', sessionId: 's3', at: '2026-12-01T10:00:00Z' });
    expect(left).toMatchObject({ kind: 'read', cardPresent: false, session: { card: { photo: 'data:image/png;base64,iVBO' } } });
    expect(afterCardEvent({ kind: 'lift' }, { type: 'card.removed', at: '2026-12-01T10:00:00Z' })).toEqual({ kind: 'waiting' });
    expect(afterCardEvent(left, { type: 'reader.error', code: 'CARD_READ_FAILED', message: '未能读取身份证，请重新放置' })).toEqual({
      kind: 'error', code: 'CARD_READ_FAILED', message: '未能读取身份证，请重新放置',
    });
  });
});
