import { describe, expect, it } from 'vitest';
import { IdentitySessions } from './sessions';
import type { SessionEndReason } from './types';
import type { CardText } from '../devices/idcard';

const card: CardText = {
  cardType: 'resident', name: '张小明', gender: 'male', nation: '汉', nationCode: '01', birthDate: '1960-06-15',
  idNumber: '445103196006151238', validFrom: '2015-01-01', validTo: '2025-01-01',
};

function rig(at = '2025-06-15T02:00:00Z') {
  let now = new Date(at).getTime();
  const ended: [string, SessionEndReason][] = [];
  const sessions = new IdentitySessions({
    secret: Buffer.alloc(32, 1), clock: { now: () => new Date(now) }, timeZone: 'Asia/Shanghai', priorityAge: 65,
    maxMs: 5 * 60_000, graceMs: 60_000, onEnd: (id, reason) => ended.push([id, reason]),
  });
  return { sessions, ended, advance: (ms: number) => (now += ms) };
}

describe('IdentitySessions', () => {
  it('masks, ages in the hall time zone, hashes, and flags an expired card', () => {
    const { sessions } = rig();
    const v = sessions.start(card);
    expect(v.card).toMatchObject({ nameMasked: '张*明', idNumberMasked: '4451**********1238', age: 65, expired: true, genderText: '男' });
    expect(v.eligibleForPriority).toBe(true);
    expect(v.personHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(v)).not.toContain('张小明');
    expect(JSON.stringify(v)).not.toContain('445103196006151238');
    // A day earlier (hall time) the person was 64.
    expect(rig('2025-06-14T15:59:00Z').sessions.start(card).eligibleForPriority).toBe(false);
  });

  it('knows a card left on the reader after its session ended, until it is lifted', () => {
    const { sessions } = rig();
    expect(sessions.leftOnReader()).toBe(false);
    sessions.start(card);
    expect(sessions.leftOnReader()).toBe(false);
    sessions.endAll('page-timeout');
    expect(sessions.current()).toBeUndefined();
    expect(sessions.leftOnReader()).toBe(true);
    sessions.cardRemoved();
    expect(sessions.leftOnReader()).toBe(false);
  });

  it('a new card replaces the previous person', () => {
    const { sessions, ended } = rig();
    const a = sessions.start(card);
    const b = sessions.start({ ...card, idNumber: '44510319600615124X' });
    expect(ended).toEqual([[a.sessionId, 'replaced']]);
    expect(() => sessions.resolve(a.sessionId)).toThrow(expect.objectContaining({ code: 'IDENTITY_SESSION_EXPIRED' }));
    expect(sessions.resolve(b.sessionId).personHash).not.toBe(a.personHash);
  });

  it('card removal drops the full card at once and ends the session after the grace', () => {
    const { sessions, advance, ended } = rig();
    const v = sessions.start(card);
    expect(sessions.fullCard(v.sessionId).name).toBe('张小明');
    sessions.cardRemoved();
    expect(() => sessions.fullCard(v.sessionId)).toThrow();
    expect(sessions.current()).toBeUndefined();
    advance(59_000);
    expect(sessions.resolve(v.sessionId).cardPresent).toBe(false);
    advance(1_000);
    expect(() => sessions.resolve(v.sessionId)).toThrow();
    expect(ended).toEqual([[v.sessionId, 'card-removed']]);
  });

  it('nothing outlives the maximum, card on the reader or not', () => {
    const { sessions, advance, ended } = rig();
    const v = sessions.start(card);
    advance(5 * 60_000);
    expect(() => sessions.resolve(v.sessionId)).toThrow();
    expect(ended).toEqual([[v.sessionId, 'expired']]);
    expect(sessions.size).toBe(0);
  });
});
