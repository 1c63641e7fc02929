import type { IgnoredReason } from './invitation-window';
import type { KeypadModel } from './codec/models';

export interface KeypadSettings {
  model: KeypadModel;
  windowSeconds: number;
  debounceMs: number;
  keyLevels: readonly number[];
  /** How long the interactive self-test (逐键测试) waits for the technician to press every key. */
  keyTestSeconds: number;
}

export interface KeypadAnswer {
  invitationId: string;
  key: number;
  level: number;
  at: string;
}

/** What the keypad tells its users (the evaluation service), apart from the device-model events. */
export interface KeypadEvents {
  answer: [KeypadAnswer];
  expired: [{ invitationId: string }];
  ignored: [{ key: number; reason: IgnoredReason }];
  /** The model's «呼叫帮办» key (`helpKey`) was pressed: never a rating, at any time. */
  help: [{ key: number; at: string }];
}

/** Why the keypad refused an invitation (callers fall back to rating on the touch screen). */
export type KeypadErrorCode = 'KEYPAD_OFFLINE' | 'KEYPAD_SELF_TEST';
