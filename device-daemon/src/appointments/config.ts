import { Type, type Static } from 'typebox';
import { oneOf, section, strict } from '../config/kit';
import { httpUrl } from '../config/http-url';

const hhmm = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', expected: 'a time of day "HH:MM"' });
const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', expected: 'a date "YYYY-MM-DD"' });
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const slot = strict({ from: hhmm, to: hhmm, capacity: Type.Integer({ minimum: 1, maximum: 500 }) });
const day = Type.Optional(Type.Array(slot, { maxItems: 48 }));
/** The slots of each weekday; a day left out takes no bookings. */
const week = strict({ sun: day, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day });

/** Half-hour slots of 6 people, 09:00–12:00 and 13:30–17:00, Monday to Friday: the default of every category. */
const WORKDAY = [
  ['09:00', '09:30'], ['09:30', '10:00'], ['10:00', '10:30'], ['10:30', '11:00'], ['11:00', '11:30'], ['11:30', '12:00'],
  ['13:30', '14:00'], ['14:00', '14:30'], ['14:30', '15:00'], ['15:00', '15:30'], ['15:30', '16:00'], ['16:00', '16:30'], ['16:30', '17:00'],
].map(([from, to]) => ({ from: from!, to: to!, capacity: 6 }));
const DEFAULT_WEEK = { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY };

export const appointmentsConfig = section({
  /** Categories (queue.categories ids) that take bookings, each with its week of slots. */
  categories: Type.Array(strict({ categoryId: Type.String({ pattern: '^[A-Z]$' }), week }), {
    default: ['A', 'B', 'C', 'D', 'E'].map((categoryId) => ({ categoryId, week: DEFAULT_WEEK })),
  }),
  /** Days the hall is closed although the week says open (法定节假日). */
  holidays: Type.Array(date, { default: [] }),
  /** Weekend days the hall works (调休), each with the weekday whose slots it takes. */
  workingWeekends: Type.Array(strict({ date, as: oneOf(WEEKDAYS) }), { default: [] }),
  /** How many days ahead one may book (today counts as 0). */
  bookAheadDays: Type.Integer({ minimum: 0, maximum: 60, default: 7 }),
  /** Open bookings one person may hold at once. */
  perPersonLimit: Type.Integer({ minimum: 1, maximum: 20, default: 2 }),
  /** No-shows within `noShowDays` after which a person may not book (0: no-shows do not count). */
  noShowLimit: Type.Integer({ minimum: 0, maximum: 20, default: 3 }),
  noShowDays: Type.Integer({ minimum: 1, maximum: 365, default: 90 }),
  /** The check-in window around a slot's start. */
  checkInEarlyMinutes: Type.Integer({ minimum: 0, maximum: 240, default: 30 }),
  checkInLateMinutes: Type.Integer({ minimum: 0, maximum: 240, default: 15 }),
  /**
   * Appointment tickets called ahead of walk-ins in the same category: at most this many in a row at one
   * window while walk-ins wait, then one walk-in (0: no precedence). Walk-ins are never starved.
   */
  aheadOfWalkIns: Type.Integer({ minimum: 0, maximum: 20, default: 2 }),
  /** Days after the slot's date when the ID hash, masked name and number and the phone are erased. */
  retentionDays: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  /** Integration API (省/市预约系统): SHA-256 hex of each system's token. */
  integrationTokens: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$', expected: 'a SHA-256 hex digest' }), { default: [] }),
  notify: section({
    /** The SMS gateway (HTTP POST of one JSON message); without it messages stay in the outbox. */
    gateway: Type.Optional(strict({
      url: httpUrl(),
      /** HMAC-SHA256 key of the `X-Signature` header over `<timestamp>.<body>`. */
      secret: Type.Optional(Type.String({ minLength: 16 })),
      /** 短信签名, e.g. 【梅州市政务服务中心】, put before each text. */
      signName: Type.String({ minLength: 1, maxLength: 20, default: '【政务服务中心】' }),
      timeoutMs: Type.Integer({ minimum: 100, maximum: 60_000, default: 5000 }),
      initialRetryMs: Type.Integer({ minimum: 10, maximum: 600_000, default: 2000 }),
      maxRetryMs: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 300_000 }),
      deadLetterAfterHours: Type.Number({ minimum: 0.001, maximum: 168, default: 24 }),
    })),
    /** Local time the day-before reminders go out. */
    reminderAt: Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', default: '18:00', expected: 'a time of day "HH:MM"' }),
    /** «还有 N 位轮到您» when this many people are ahead (0: never). */
    nearTurnAhead: Type.Integer({ minimum: 0, maximum: 50, default: 3 }),
  }),
});
export type AppointmentsConfig = Static<typeof appointmentsConfig>;
export type SlotTemplate = Static<typeof slot>;
