import { describe, expect, it } from 'vitest';
import { InvitationWindow } from './invitation-window';

const rules = { windowMs: 10_000, debounceMs: 60, keyLevels: [1, 2, 3, 4, 5] };

describe('InvitationWindow', () => {
  it('counts one press inside the window and ignores the rest', () => {
    const w = new InvitationWindow(rules);
    expect(w.press(5, 0)).toEqual({ counted: false, key: 5, reason: 'OUTSIDE_WINDOW' });
    w.open('inv-1', 1000);
    expect(w.press(4, 2000)).toEqual({ counted: true, invitationId: 'inv-1', key: 4, level: 4 });
    expect(w.press(1, 3000)).toEqual({ counted: false, key: 1, reason: 'ALREADY_ANSWERED' });
    expect(w.press(1, 11_001)).toEqual({ counted: false, key: 1, reason: 'OUTSIDE_WINDOW' });
  });

  it('closes at the end of the window and reports the expiry once', () => {
    const w = new InvitationWindow(rules);
    w.open('inv-2', 0);
    expect(w.expire(9_999)).toBeUndefined();
    expect(w.expire(10_000)).toBe('inv-2');
    expect(w.expire(10_001)).toBeUndefined();
    expect(w.press(3, 10_002).counted).toBe(false);
  });

  it('treats edges closer than the debounce time as bounce, measured from the last real press', () => {
    const w = new InvitationWindow(rules);
    w.open('inv-3', 0);
    expect(w.press(2, 100).counted).toBe(true);
    expect(w.press(2, 130)).toMatchObject({ reason: 'BOUNCE' });
    expect(w.press(2, 159)).toMatchObject({ reason: 'BOUNCE' });
    expect(w.press(2, 160)).toMatchObject({ reason: 'ALREADY_ANSWERED' });
  });

  it('maps keys to levels by configuration and ignores keys without a level', () => {
    const w = new InvitationWindow({ ...rules, keyLevels: [5, 4, 3, 2, 1] });
    w.open('inv-4', 0);
    expect(w.press(6, 10)).toMatchObject({ counted: false, reason: 'UNMAPPED_KEY' });
    expect(w.press(1, 100)).toMatchObject({ counted: true, level: 5 });
  });

  it('a new invitation replaces the old; cancel affects only its own id', () => {
    const w = new InvitationWindow(rules);
    w.open('a', 0);
    w.open('b', 10);
    expect(w.cancel('a')).toBe(false);
    expect(w.openId(20)).toBe('b');
    expect(w.cancel('b')).toBe(true);
    expect(w.openId(30)).toBeUndefined();
  });
});
