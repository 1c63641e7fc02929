import { useEvent } from '../api/use-event';
import type { ScanMeaning } from '@daemon/appointments/scan-text';

/**
 * What the kiosk's QR reader read, as the daemon understood it: a booking (`appointment`), a printed
 * ticket (`ticket`), another system's code (`unknown`, with a plain message), or a read that failed (`bad`:
 * half a code, noise; with a plain message). The raw text never reaches the page.
 */
export type QrScan = ScanMeaning | { kind: 'bad'; code: string; message: string };

/**
 * Calls `onScan` for every QR read while the screen is mounted. The one way a screen listens to the QR reader
 * (home: a ticket opens its rating and a booking its check-in; 好差评; 预约签到), so each screen decides what a
 * code means there and says plainly what it cannot use.
 */
export function useQrScan(onScan: (scan: QrScan) => void): void {
  useEvent(['qr.scanned', 'qr.bad'], (e) => {
    if (e.type === 'qr.bad') onScan({ kind: 'bad', code: e.code, message: e.message });
    else if (e.kind === 'appointment') onScan({ kind: 'appointment', code: e.code });
    else if (e.kind === 'ticket') onScan({ kind: 'ticket', ticketId: e.ticketId });
    else onScan({ kind: 'unknown', message: e.message });
  });
}
