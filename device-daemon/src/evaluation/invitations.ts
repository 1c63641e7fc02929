import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../events/bus';
import type { KeypadDriver, KeypadAnswer } from '../devices/keypad';
import type { QueueService } from '../queue/service';
import { notFound } from '../core/errors';
import { errorCode } from '../devices/core/device';
import { alreadyRated, assertServed, type EvaluationService } from './service';
import { FIRST_GOOD_LEVEL } from './types';

export type KeypadInvite = 'invited' | 'not-fitted' | 'offline';

export interface Invitation {
  id: string;
  ticketId: string;
  ticketNumber: string;
  keypad: KeypadInvite;
  /** End of the keypad's window; null when no keypad was invited. */
  expiresAt: string | null;
  /** Set when a window invited its own keypad at 办结: the window, its staff member and the 办件编号. */
  window?: { counter: number; staffId: string | null; caseNumber: string | null };
}

/**
 * The kiosk flow's invitation: the screen shows the five choices and, when a keypad is fitted, invites it at
 * the same time; whichever answers first counts (one rating per ticket). A keypad answer of 3..5 is recorded
 * at once with channel 'keypad'; an answer of 1..2 needs a reason, which only the screen can ask for, so it is
 * announced (`evaluation.answered`) and the screen records it with the reason, still as channel 'keypad'.
 */
export class InvitationService {
  private readonly open = new Map<string, Invitation>();

  constructor(
    private readonly ratings: EvaluationService,
    private readonly queue: QueueService,
    private readonly events: EventBus,
    private readonly log: FastifyBaseLogger,
    private readonly keypad: KeypadDriver | undefined,
  ) {
    keypad?.answers.on('answer', (a) => void this.answered(a));
    keypad?.answers.on('expired', ({ invitationId }) => this.end(invitationId, 'expired'));
  }

  /**
   * `window` is set when a window finishing a service invites its own keypad (`devices.keypad.counter`): there is
   * no screen to ask a bad rating's reasons, so every press is recorded at once (reasons marked as not given).
   */
  async invite(ticketId: string, window?: Invitation['window']): Promise<Invitation> {
    const ticket = await this.queue.get(ticketId);
    assertServed(ticket);
    if (await this.ratings.ofTicket(ticketId)) {
      throw alreadyRated(ticket);
    }
    for (const inv of this.open.values()) this.cancel(inv.id); // one window at a time: the keypad has one
    const id = randomUUID();
    let keypad: KeypadInvite = 'not-fitted';
    let expiresAt: string | null = null;
    if (this.keypad) {
      try {
        expiresAt = (await this.keypad.invite(id)).expiresAt;
        keypad = 'invited';
      } catch (err) {
        keypad = 'offline';
        this.log.info({ code: errorCode(err, 'KEYPAD_OFFLINE') }, 'keypad not invited; touch rating only');
      }
    }
    const invitation: Invitation = { id, ticketId, ticketNumber: ticket.number, keypad, expiresAt, ...(window ? { window } : {}) };
    if (keypad === 'invited') this.open.set(id, invitation);
    this.events.publish('evaluation.invited', { invitation });
    return invitation;
  }

  /** The open keypad invitation of a ticket, if any (a repeated request gets the same one). */
  openFor(ticketId: string): Invitation | undefined {
    return [...this.open.values()].find((inv) => inv.ticketId === ticketId);
  }

  cancel(id: string): void {
    if (!this.open.has(id)) throw notFound('INVITATION_NOT_FOUND', '评价邀请已结束');
    this.keypad?.cancel(id);
    this.end(id, 'cancelled');
  }

  /** A rating of the ticket was recorded through any channel: its keypad window closes. */
  ticketRated(ticketId: string): void {
    for (const inv of this.open.values()) {
      if (inv.ticketId !== ticketId) continue;
      this.keypad?.cancel(inv.id);
      this.end(inv.id, 'answered');
    }
  }

  private async answered(a: KeypadAnswer): Promise<void> {
    const inv = this.open.get(a.invitationId);
    if (!inv) return;
    this.end(inv.id, 'answered');
    const needsReason = a.level < FIRST_GOOD_LEVEL && !inv.window;
    this.events.publish('evaluation.answered', { invitationId: inv.id, ticketId: inv.ticketId, level: a.level, channel: 'keypad', needsReason });
    if (needsReason) return;
    try {
      if (inv.window) await this.ratings.rateFromWindowKeypad(inv.ticketId, a.level);
      else await this.ratings.rate({ ticketId: inv.ticketId, level: a.level, channel: 'keypad' });
    } catch (err) {
      // ALREADY_RATED: the screen answered first, which is the rule. Anything else is logged, not lost
      // silently: the 7-day rule still covers the ticket.
      const code = errorCode(err, 'RATE_FAILED');
      if (code !== 'ALREADY_RATED') this.log.warn({ code, ticket: inv.ticketNumber }, 'keypad rating not recorded');
    }
  }

  private end(id: string, reason: 'expired' | 'answered' | 'cancelled'): void {
    const inv = this.open.get(id);
    if (!inv) return;
    this.open.delete(id);
    this.events.publish('evaluation.invitation.ended', { invitationId: id, ticketId: inv.ticketId, reason });
  }
}
