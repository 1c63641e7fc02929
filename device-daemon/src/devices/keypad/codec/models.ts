/**
 * Keypad models as data (docs/PROTOCOLS.md §3): a unit is described by how its input reports carry key
 * presses and, optionally, which output reports start its voice prompt. Adding a unit means adding an object
 * here or putting one in the configuration (`devices.keypad.model`), never writing code per model.
 */

/** HID Keyboard/Keypad usage page (0x07) codes a boot keyboard puts in its six key slots. */
export const USAGE = {
  ERROR_ROLL_OVER: 0x01,
  KEY_1: 0x1e,
  KEY_2: 0x1f,
  KEY_3: 0x20,
  KEY_4: 0x21,
  KEY_5: 0x22,
  KEY_6: 0x23,
  KP_1: 0x59,
  KP_2: 0x5a,
  KP_3: 0x5b,
  KP_4: 0x5c,
  KP_5: 0x5d,
  KP_6: 0x5e,
} as const;

/** Output reports the host may send; bytes exactly as written to the device (report ID first). */
export interface KeypadOutputs {
  /** Sent when an invitation opens: lamp on, «您好，请您对我的服务做出评价». */
  invite?: number[];
  /** Sent after a counted press: «谢谢». */
  thanks?: number[];
  /** Sent when an invitation ends without a press. */
  idle?: number[];
}

/** Boot keyboard: 8-byte reports `modifier, reserved, usage x6`; any slot holding a mapped usage is a key down. */
export interface BootKeyboardModel {
  mode: 'boot-keyboard';
  name: string;
  /** Report ID prefixed to every report when the unit uses numbered reports; absent for a plain boot keyboard. */
  reportId?: number;
  /** HID usage -> physical key number (1-based). */
  usages: Record<number, number>;
  /** The physical key labelled «呼叫帮办», if the unit has one free of the rating levels: it raises a help request. */
  helpKey?: number;
  outputs?: KeypadOutputs;
}

/** Vendor report: one byte at `offset` holds the key; `releaseValue` means no key is down. */
export interface VendorReportModel {
  mode: 'vendor-report';
  name: string;
  reportId?: number;
  /** Length of a whole report as read from the device, report ID included. */
  reportLength: number;
  /** Byte offset of the key code in the report as read, report ID included. */
  offset: number;
  /** Key code -> physical key number (1-based). */
  values: Record<number, number>;
  releaseValue: number;
  /** The physical key labelled «呼叫帮办», if the unit has one free of the rating levels: it raises a help request. */
  helpKey?: number;
  outputs?: KeypadOutputs;
}

export type KeypadModel = BootKeyboardModel | VendorReportModel;

export const BUILTIN_MODELS: Record<string, KeypadModel> = {
  /** A unit that enumerates as a keyboard and "types" 1..5 on the top row or on the numeric keypad. */
  'boot-keyboard': {
    mode: 'boot-keyboard',
    name: 'boot-keyboard',
    usages: {
      [USAGE.KEY_1]: 1, [USAGE.KEY_2]: 2, [USAGE.KEY_3]: 3, [USAGE.KEY_4]: 4, [USAGE.KEY_5]: 5,
      [USAGE.KP_1]: 1, [USAGE.KP_2]: 2, [USAGE.KP_3]: 3, [USAGE.KP_4]: 4, [USAGE.KP_5]: 5,
    },
  },
  /**
   * A vendor-report unit as such units are commonly laid out: report ID 0x01, key code 1..5 in byte 1,
   * 0x00 on release, voice prompts through output report 0x02. No public byte-level protocol exists
   * (docs/PROTOCOLS.md §3): this is an example layout, to be checked against a captured unit.
   */
  'vendor-5key': {
    mode: 'vendor-report',
    name: 'vendor-5key',
    reportId: 0x01,
    reportLength: 8,
    offset: 1,
    values: { 0x01: 1, 0x02: 2, 0x03: 3, 0x04: 4, 0x05: 5 },
    releaseValue: 0x00,
    outputs: {
      invite: [0x02, 0x01, 0, 0, 0, 0, 0, 0] /* play «您好，请您对我的服务做出评价» */,
      thanks: [0x02, 0x02, 0, 0, 0, 0, 0, 0] /* play «谢谢» */,
      idle: [0x02, 0x00, 0, 0, 0, 0, 0, 0] /* lamp off */,
    },
  },
  /**
   * The same layout with a sixth key, 0x06, labelled «呼叫帮办» (units sold with a 帮办/呼叫 key beside the five
   * levels): key 6 raises a help request at any time instead of rating. Example layout, as vendor-5key.
   */
  'vendor-6key-help': {
    mode: 'vendor-report',
    name: 'vendor-6key-help',
    reportId: 0x01,
    reportLength: 8,
    offset: 1,
    values: { 0x01: 1, 0x02: 2, 0x03: 3, 0x04: 4, 0x05: 5, 0x06: 6 },
    releaseValue: 0x00,
    helpKey: 6,
    outputs: {
      invite: [0x02, 0x01, 0, 0, 0, 0, 0, 0],
      thanks: [0x02, 0x02, 0, 0, 0, 0, 0, 0],
      idle: [0x02, 0x00, 0, 0, 0, 0, 0, 0],
    },
  },
};

/** Key numbers a model can report, ascending. */
export function modelKeys(model: KeypadModel): number[] {
  const keys = Object.values(model.mode === 'boot-keyboard' ? model.usages : model.values);
  return [...new Set(keys)].sort((a, b) => a - b);
}
