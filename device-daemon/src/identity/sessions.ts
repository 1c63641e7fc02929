import { hkdfSync, randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock';
import { DomainError } from '../core/errors';
import { GENDER_TEXT, LONG_TERM, type CardText } from '../devices/idcard';
import { maskIdNumber, maskName } from './mask';
import { ageOn } from './age';
import { serviceDate } from '../core/hall-time';
import { personHash } from './person-hash';
import type { IdentityView, MaskedCard, SessionEndReason, SessionRecord } from './types';

export interface SessionOptions {
  secret: Buffer;
  clock: Clock;
  timeZone: string;
  priorityAge: number;
  maxMs: number;
  graceMs: number;
  onEnd?: (sessionId: string, reason: SessionEndReason) => void;
}

export const sessionExpired = () =>
  new DomainError('IDENTITY_SESSION_EXPIRED', '身份证信息已失效，请重新放置身份证', 410);

/**
 * The people whose card was read, in memory only. One reader serves one person at a time: a new card ends
 * the previous session. The full card is dropped when the card leaves; the masked view, age and keyed hash
 * live on for the grace period, and nothing outlives `maxMs`, a page timeout or the end of the flow.
 */
export class IdentitySessions {
  private readonly sessions = new Map<string, SessionRecord>();
  /** A card lies on the reader, whether or not its session still lives (the reader reports a card once per placement). */
  private inField = false;

  constructor(private readonly opts: SessionOptions) {}

  /**
   * Pays at start what the first card read would otherwise pay on its way to the screen: the hall's date
   * formatter (Intl with a time zone: tens of ms of CPU the first time), OpenSSL's HMAC and the UUID pool.
   */
  warmUp(): void {
    serviceDate(this.opts.clock.now(), this.opts.timeZone);
    personHash(this.opts.secret, '');
    randomUUID();
  }

  start(card: CardText, photo?: string): IdentityView {
    for (const id of [...this.sessions.keys()]) this.end(id, 'replaced');
    this.inField = true;
    const now = this.opts.clock.now();
    const today = serviceDate(now, this.opts.timeZone);
    const age = ageOn(card.birthDate, today);
    const masked: MaskedCard = {
      cardType: card.cardType,
      nameMasked: maskName(card.name || card.nameEnglish || ''),
      idNumberMasked: maskIdNumber(card.idNumber),
      gender: card.gender,
      genderText: GENDER_TEXT[card.gender],
      age,
      validTo: card.validTo,
      expired: card.validTo !== LONG_TERM && card.validTo < today,
      ...(photo ? { photo } : {}),
    };
    const record: SessionRecord = {
      sessionId: randomUUID(),
      personHash: personHash(this.opts.secret, card.idNumber),
      age,
      card: masked,
      eligibleForPriority: age >= this.opts.priorityAge,
      cardPresent: true,
      startedAt: now.toISOString(),
      full: card,
      expiresAt: now.getTime() + this.opts.maxMs,
      timer: undefined,
    };
    this.sessions.set(record.sessionId, record);
    this.arm(record, this.opts.maxMs, 'expired');
    return view(record);
  }

  /** The decoded photo, which follows the text (a vendor decoder takes tens of ms); false when the session has ended. */
  addPhoto(sessionId: string, photo: string): boolean {
    const record = this.live(sessionId);
    if (!record) return false;
    record.card = { ...record.card, photo };
    return true;
  }

  /** The card left the reader: drop the full data now, end the session after the grace period. */
  cardRemoved(): string[] {
    this.inField = false;
    const ids: string[] = [];
    for (const record of this.sessions.values()) {
      if (!record.cardPresent) continue;
      record.cardPresent = false;
      record.full = undefined;
      ids.push(record.sessionId);
      const left = Math.min(this.opts.graceMs, record.expiresAt - this.opts.clock.now().getTime());
      record.expiresAt = this.opts.clock.now().getTime() + left;
      if (left <= 0) this.end(record.sessionId, 'card-removed');
      else this.arm(record, left, 'card-removed');
    }
    return ids;
  }

  /** The session's view; throws IDENTITY_SESSION_EXPIRED when it ended or never was. */
  resolve(sessionId: string): IdentityView {
    const record = this.live(sessionId);
    if (!record) throw sessionExpired();
    return view(record);
  }

  /** The session whose card lies on the reader now, if any (never a previous person's, still in grace). */
  current(): IdentityView | undefined {
    for (const id of [...this.sessions.keys()]) {
      const record = this.live(id);
      if (record?.cardPresent) return view(record);
    }
    return undefined;
  }

  /**
   * A card lies on the reader but its session has ended (the previous person's flow finished, or they went
   * home): the reader will not report it again until it is lifted, so the screen asks for that.
   */
  leftOnReader(): boolean {
    return this.inField && this.current() === undefined;
  }

  /**
   * The full card while it lies on the reader, for a feature that must hand the real name to an upstream
   * system. Never log or publish what this returns.
   */
  fullCard(sessionId: string): CardText {
    const full = this.live(sessionId)?.full;
    if (!full) throw sessionExpired();
    return full;
  }

  /**
   * The keyed hash of an ID number typed by a person (a booking on the phone page), the same as a card of
   * that number gives: so a booking made by number is found again when the card is read.
   */
  personHashOf(idNumber: string): string {
    return personHash(this.opts.secret, idNumber);
  }

  /**
   * A 32-byte key for `purpose` derived (HKDF-SHA256) from the installation's secret, for a feature that must
   * encrypt personal data at rest (an appointment's phone number). Every kiosk of a hall shares the secret.
   */
  derivedKey(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.opts.secret, Buffer.alloc(0), `kiosk:${purpose}`, 32));
  }

  end(sessionId: string, reason: SessionEndReason): boolean {
    const record = this.sessions.get(sessionId);
    if (!record) return false;
    clearTimeout(record.timer);
    record.full = undefined;
    this.sessions.delete(sessionId);
    this.opts.onEnd?.(sessionId, reason);
    return true;
  }

  endAll(reason: SessionEndReason): number {
    const ids = [...this.sessions.keys()];
    for (const id of ids) this.end(id, reason);
    return ids.length;
  }

  get size(): number {
    return this.sessions.size;
  }

  private live(sessionId: string): SessionRecord | undefined {
    const record = this.sessions.get(sessionId);
    if (record && this.opts.clock.now().getTime() >= record.expiresAt) {
      this.end(sessionId, record.cardPresent ? 'expired' : 'card-removed');
      return undefined;
    }
    return record;
  }

  private arm(record: SessionRecord, ms: number, reason: SessionEndReason): void {
    clearTimeout(record.timer);
    record.timer = setTimeout(() => this.end(record.sessionId, reason), ms);
    record.timer.unref();
  }
}

function view(r: SessionRecord): IdentityView {
  const { full: _full, expiresAt: _e, timer: _t, ...rest } = r;
  return { ...rest, card: { ...rest.card } };
}
