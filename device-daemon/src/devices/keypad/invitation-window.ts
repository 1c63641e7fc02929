/**
 * The rule of a rating keypad (docs/PROTOCOLS.md §3): an invitation opens a window in which exactly one
 * key press counts. Pure state over an injected time, so the rule is tested without timers or devices.
 */
export type IgnoredReason = 'OUTSIDE_WINDOW' | 'ALREADY_ANSWERED' | 'BOUNCE' | 'UNMAPPED_KEY';

export type PressVerdict =
  | { counted: true; invitationId: string; key: number; level: number }
  | { counted: false; key: number; reason: IgnoredReason };

export interface WindowRules {
  windowMs: number;
  /** Edges closer than this to the last real press are contact bounce. */
  debounceMs: number;
  /** keyLevels[n-1] is the level of physical key n. */
  keyLevels: readonly number[];
}

interface Open {
  id: string;
  expiresAt: number;
  answered: boolean;
}

export class InvitationWindow {
  private current: Open | undefined;
  private lastEdgeAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly rules: WindowRules) {}

  /** Opens a window; an earlier one still open is replaced (a new person at the counter). */
  open(id: string, now: number, windowMs = this.rules.windowMs): { expiresAt: number } {
    this.current = { id, expiresAt: now + windowMs, answered: false };
    return { expiresAt: this.current.expiresAt };
  }

  /** Closes the window of `id` (the person left); other ids are left alone. Returns whether it was open. */
  cancel(id: string): boolean {
    if (this.current?.id !== id) return false;
    const wasOpen = !this.current.answered;
    this.current = undefined;
    return wasOpen;
  }

  /** The id of an unanswered window whose time is up, which is then closed. */
  expire(now: number): string | undefined {
    const c = this.current;
    if (!c || c.answered || now < c.expiresAt) return undefined;
    this.current = undefined;
    return c.id;
  }

  openId(now: number): string | undefined {
    const c = this.current;
    return c && !c.answered && now < c.expiresAt ? c.id : undefined;
  }

  press(key: number, now: number): PressVerdict {
    if (now - this.lastEdgeAt < this.rules.debounceMs) return { counted: false, key, reason: 'BOUNCE' };
    this.lastEdgeAt = now;
    const level = this.rules.keyLevels[key - 1];
    if (level === undefined) return { counted: false, key, reason: 'UNMAPPED_KEY' };
    const c = this.current;
    if (!c || now >= c.expiresAt) return { counted: false, key, reason: 'OUTSIDE_WINDOW' };
    if (c.answered) return { counted: false, key, reason: 'ALREADY_ANSWERED' };
    c.answered = true;
    return { counted: true, invitationId: c.id, key, level };
  }
}
