import { describe, expect, it } from 'vitest';
import { exitToError, SANE_STATUS } from './status';

const code = (exit: Parameters<typeof exitToError>[0], stderr = '') => exitToError(exit, stderr)?.code;

describe('scanimage exit status to typed errors', () => {
  it('maps the SANE statuses of a failed read', () => {
    expect(code({ code: 0, signal: null })).toBeUndefined();
    expect(code({ code: SANE_STATUS.JAMMED, signal: null })).toBe('SCANNER_JAMMED');
    expect(code({ code: 7, signal: null })).toBe('SCANNER_NO_DOCUMENTS');
    expect(code({ code: 8, signal: null })).toBe('SCANNER_COVER_OPEN');
    expect(code({ code: 3, signal: null })).toBe('SCANNER_BUSY');
    expect(code({ code: 11, signal: null })).toBe('SCANNER_ACCESS_DENIED');
    expect(code({ code: 9, signal: null })).toBe('SCANNER_IO_ERROR');
  });

  it('tells a device that could not be opened from other exit-1 failures', () => {
    expect(code({ code: 1, signal: null }, 'scanimage: open of device nosuch failed: Invalid argument\n')).toBe('SCANNER_MISSING');
    expect(code({ code: 1, signal: null }, 'scanimage: something else\n')).toBe('SCANNER_IO_ERROR');
  });

  it('treats a missing program as a missing scanner and a signal as a cancelled scan', () => {
    expect(code({ code: null, signal: null, spawnError: 'ENOENT' })).toBe('SCANNER_MISSING');
    expect(code({ code: null, signal: 'SIGTERM' })).toBe('SCANNER_CANCELLED');
  });

  it('trusts the status scanimage printed when it then exits 0 or dies by a signal (SIGPIPE while stopping)', () => {
    const stderr = 'Progress: 0.0%\rscanimage: sane_read: Scanner cover is open\nscanimage: received signal 13\nscanimage: trying to stop scanner\n';
    expect(code({ code: 0, signal: null }, stderr)).toBe('SCANNER_COVER_OPEN');
    expect(code({ code: null, signal: 'SIGTERM' }, 'scanimage: sane_read: Document feeder jammed\n')).toBe('SCANNER_JAMMED');
    expect(code({ code: 0, signal: null }, 'scanimage: sane_start: Document feeder out of documents\n')).toBe('SCANNER_NO_DOCUMENTS');
    expect(code({ code: 0, signal: null }, 'scanimage: sane_read: Something new\n')).toBe('SCANNER_IO_ERROR');
  });

  it('keeps the last message line (not a progress record) as the technical reason, and a plain Chinese message', () => {
    const err = exitToError({ code: 6, signal: null }, 'Progress: 10.0%\rscanimage: sane_read: Document feeder jammed\n')!;
    expect(err.reason).toBe('scanimage: sane_read: Document feeder jammed');
    expect(err.message).toContain('卡纸');
    // A device error names its device and carries no HTTP status: the scan feature decides the answer.
    expect(err.device).toBe('scanner');
    expect('status' in err).toBe(false);
  });
});
