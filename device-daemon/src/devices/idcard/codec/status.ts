import { DeviceError } from '../../core/device-error';

/**
 * SW3, the reader/SAM status byte of every reply (docs/PROTOCOLS.md §1), and the typed error each
 * failure maps to. SW1 SW2 are passed through and normally 00 00.
 */
export const SW3 = {
  /** 0x90: success. */
  OK: 0x90,
  /** 0x9F: find-card success (4 data bytes follow). */
  FIND_OK: 0x9f,
  /** 0x91: no content for this item (e.g. no additional address). */
  NO_CONTENT: 0x91,
  /** 0x10: the SAM got a frame with a bad checksum. */
  RX_CHECKSUM: 0x10,
  /** 0x11: the SAM got a frame with a bad length. */
  RX_LENGTH: 0x11,
  /** 0x21: command error. */
  COMMAND: 0x21,
  /** 0x23: unauthorised operation. */
  UNAUTHORISED_OP: 0x23,
  /** 0x24: unrecognised error. */
  UNRECOGNISED: 0x24,
  /** 0x31..0x33: card/SAM mutual authentication or verification errors. */
  AUTH_CARD: 0x31,
  AUTH_SAM: 0x32,
  VERIFY: 0x33,
  /** 0x40: wrong card type. */
  WRONG_CARD: 0x40,
  /** 0x41: card read failed. */
  READ_FAILED: 0x41,
  /** 0x47: random-number failure. */
  RANDOM: 0x47,
  /** 0x60: SAM self-test failed. */
  SAM_SELF_TEST: 0x60,
  /** 0x66: SAM not authorised. */
  SAM_UNAUTHORISED: 0x66,
  /** 0x80: find card failed (no card). */
  NO_CARD: 0x80,
  /** 0x81: select card failed. */
  SELECT_FAILED: 0x81,
} as const;

/** Every failure the reader can report, as a literal code callers switch on. */
export type IdCardErrorCode =
  | 'CARD_READ_FAILED'
  | 'WRONG_CARD_TYPE'
  | 'CARD_AUTH_FAILED'
  | 'SAM_FAULT'
  | 'SAM_NOT_AUTHORISED'
  | 'SAM_REJECTED_FRAME'
  | 'SAM_COMMAND_ERROR'
  | 'UNREADABLE_CARD'
  | 'NO_CARD'
  | 'SELECT_FAILED'
  | 'REPLY_CHECKSUM'
  | 'REPLY_LENGTH'
  | 'REPLY_TIMEOUT'
  | 'READER_DISCONNECTED';

/** Where an error belongs in the statistics. */
export type ErrorKind = 'card' | 'sam' | 'communication';

export class IdCardError extends DeviceError<IdCardErrorCode> {
  constructor(
    code: IdCardErrorCode,
    message: string,
    readonly kind: ErrorKind,
    /** The SW3 byte when the reader reported it. */
    readonly sw3?: number,
  ) {
    super('idReader', code, message);
    this.name = 'IdCardError';
  }
}

const hex = (b: number) => `0x${b.toString(16).padStart(2, '0')}`;

/** The typed error for a failing SW3; messages are for the technician's status page. */
export function sw3Error(sw3: number): IdCardError {
  const e = (code: IdCardErrorCode, text: string, kind: ErrorKind) => new IdCardError(code, `${text} (SW3 ${hex(sw3)})`, kind, sw3);
  switch (sw3) {
    case SW3.READ_FAILED:
      return e('CARD_READ_FAILED', '读卡失败', 'card');
    case SW3.WRONG_CARD:
      return e('WRONG_CARD_TYPE', '卡片类型不对', 'card');
    case SW3.AUTH_CARD:
    case SW3.AUTH_SAM:
    case SW3.VERIFY:
    case SW3.RANDOM:
      return e('CARD_AUTH_FAILED', '卡片认证失败', 'card');
    case SW3.SAM_SELF_TEST:
      return e('SAM_FAULT', '安全模块自检失败', 'sam');
    case SW3.SAM_UNAUTHORISED:
      return e('SAM_NOT_AUTHORISED', '安全模块未授权', 'sam');
    case SW3.NO_CARD:
      return e('NO_CARD', '感应区无卡', 'card');
    case SW3.SELECT_FAILED:
      return e('SELECT_FAILED', '选卡失败', 'card');
    case SW3.RX_CHECKSUM:
    case SW3.RX_LENGTH:
      return e('SAM_REJECTED_FRAME', '安全模块收到的数据帧有误', 'communication');
    default:
      return e('SAM_COMMAND_ERROR', '安全模块报告错误', 'sam');
  }
}
