import { DeviceError } from '../../core/device-error';

/**
 * SANE status codes (sane.h, `SANE_Status`). `scanimage` exits with the status of a failed
 * `sane_start`/`sane_read`, so its exit status is this number; a device that cannot be opened exits 1.
 */
export const SANE_STATUS = {
  GOOD: 0,
  UNSUPPORTED: 1,
  CANCELLED: 2,
  DEVICE_BUSY: 3,
  INVAL: 4,
  EOF: 5,
  JAMMED: 6,
  NO_DOCS: 7,
  COVER_OPEN: 8,
  IO_ERROR: 9,
  NO_MEM: 10,
  ACCESS_DENIED: 11,
} as const;

export type ScannerErrorCode =
  | 'SCANNER_JAMMED'
  | 'SCANNER_NO_DOCUMENTS'
  | 'SCANNER_COVER_OPEN'
  | 'SCANNER_MISSING'
  | 'SCANNER_TIMEOUT'
  | 'SCANNER_BUSY'
  | 'SCANNER_CANCELLED'
  | 'SCANNER_ACCESS_DENIED'
  | 'SCANNER_IO_ERROR';

/** Plain words for the person at the kiosk (the scan screen shows them as they are). */
const MESSAGES: Record<ScannerErrorCode, string> = {
  SCANNER_JAMMED: '扫描仪卡纸，请取出卡住的纸张后重新扫描',
  SCANNER_NO_DOCUMENTS: '没有检测到材料，请把材料放好后重新扫描',
  SCANNER_COVER_OPEN: '扫描仪盖板未合上，请合上盖板后重新扫描',
  SCANNER_MISSING: '未找到扫描仪，请联系工作人员',
  SCANNER_TIMEOUT: '扫描超时，请重新扫描',
  SCANNER_BUSY: '扫描仪正在扫描，请稍候',
  SCANNER_CANCELLED: '扫描已取消',
  SCANNER_ACCESS_DENIED: '无权使用扫描仪，请联系工作人员',
  SCANNER_IO_ERROR: '扫描仪出错，请重新扫描或联系工作人员',
};

export class ScannerError extends DeviceError<ScannerErrorCode> {
  constructor(code: ScannerErrorCode, readonly reason?: string) {
    super('scanner', code, MESSAGES[code]);
    this.name = 'ScannerError';
  }
}

/** Faults a person can clear at the machine; the driver reports `error` until the next good scan. */
export const PERSON_CLEARABLE: ReadonlySet<ScannerErrorCode> = new Set(['SCANNER_JAMMED', 'SCANNER_COVER_OPEN']);

/** What ended a scanimage run, as the transport reports it. */
export interface ScanExit {
  /** Exit status; null when the process was killed by a signal or never started. */
  code: number | null;
  signal: string | null;
  /** Set when the program could not be started (`ENOENT`: scanimage not installed). */
  spawnError?: string;
}

/** `sane_strstatus()` texts (sane-backends backend/sane_strstatus.c), as scanimage prints them after `sane_read:`. */
const STATUS_TEXT: Record<string, number> = {
  'Operation not supported': SANE_STATUS.UNSUPPORTED,
  'Operation was cancelled': SANE_STATUS.CANCELLED,
  'Device busy': SANE_STATUS.DEVICE_BUSY,
  'Invalid argument': SANE_STATUS.INVAL,
  'Document feeder jammed': SANE_STATUS.JAMMED,
  'Document feeder out of documents': SANE_STATUS.NO_DOCS,
  'Scanner cover is open': SANE_STATUS.COVER_OPEN,
  'Error during device I/O': SANE_STATUS.IO_ERROR,
  'Out of memory': SANE_STATUS.NO_MEM,
  'Access to resource has been denied': SANE_STATUS.ACCESS_DENIED,
};

const REPORTED = /sane_(?:read|start): (.+?)\s*$/m;

/**
 * The status scanimage reported for a failed start or read, if it printed one. It is the authority when
 * the process then ends oddly: scanimage can be hit by SIGPIPE while stopping the scan (seen with the test
 * backend's fault injection), and its signal handler then exits 0 with no image, or hangs.
 */
export function reportedStatus(stderr: string): number | undefined {
  const m = REPORTED.exec(stderr);
  return m ? STATUS_TEXT[m[1]!] ?? SANE_STATUS.IO_ERROR : undefined;
}

/**
 * Maps how scanimage ended to a typed error; undefined means success. `stderr` tells a device that could
 * not be opened (exit 1, "open of device X failed") from other failures with the same number.
 */
export function exitToError(exit: ScanExit, stderr: string): ScannerError | undefined {
  if (exit.spawnError) return new ScannerError('SCANNER_MISSING', `scanimage could not start: ${exit.spawnError}`);
  const cause = lastLine(stderr);
  const reported = reportedStatus(stderr);
  if ((exit.code === SANE_STATUS.GOOD || exit.code === null) && reported !== undefined) {
    return new ScannerError(BY_STATUS[reported] ?? 'SCANNER_IO_ERROR', cause);
  }
  if (exit.code === SANE_STATUS.GOOD) return undefined;
  if (exit.code === null) return new ScannerError('SCANNER_CANCELLED', `killed by ${exit.signal ?? 'a signal'}`);
  if (exit.code === SANE_STATUS.UNSUPPORTED) {
    // scanimage exits 1 (EXIT_FAILURE) when sane_open fails: the device is not there.
    const missing = /open of device|no SANE devices/i.test(stderr);
    return new ScannerError(missing ? 'SCANNER_MISSING' : 'SCANNER_IO_ERROR', cause);
  }
  return new ScannerError(BY_STATUS[exit.code] ?? 'SCANNER_IO_ERROR', cause || `scanimage exited ${exit.code}`);
}

const BY_STATUS: Partial<Record<number, ScannerErrorCode>> = {
  [SANE_STATUS.JAMMED]: 'SCANNER_JAMMED',
  [SANE_STATUS.NO_DOCS]: 'SCANNER_NO_DOCUMENTS',
  [SANE_STATUS.COVER_OPEN]: 'SCANNER_COVER_OPEN',
  [SANE_STATUS.DEVICE_BUSY]: 'SCANNER_BUSY',
  [SANE_STATUS.CANCELLED]: 'SCANNER_CANCELLED',
  [SANE_STATUS.ACCESS_DENIED]: 'SCANNER_ACCESS_DENIED',
};

function lastLine(text: string): string {
  const lines = text.split(/[\r\n]+/).map((l) => l.trim()).filter((l) => l && !l.startsWith('Progress:'));
  return lines.at(-1) ?? '';
}
