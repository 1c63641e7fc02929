/**
 * What a scanned QR code means at this kiosk. A booking's QR holds its phone page (`…/m/a/<code>`), a ticket's
 * QR its page (`…/m/t/<ticket id>`); a bare booking code typed into a QR (some provincial systems print one)
 * counts too. Anything else is another system's code: the screen says so, nothing else happens.
 */
export type ScanMeaning =
  | { kind: 'appointment'; code: string }
  | { kind: 'ticket'; ticketId: string }
  | { kind: 'unknown'; message: string };

const CODE = '[2-9A-HJ-NP-Z]{8}';

export function scanMeaning(text: string): ScanMeaning {
  const t = text.trim();
  const booking = new RegExp(`(?:/m/a/|^(?:YY[-:])?)(${CODE})$`, 'i').exec(t);
  if (booking) return { kind: 'appointment', code: booking[1]!.toUpperCase() };
  const ticket = /\/m\/t\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:[?#].*)?$/i.exec(t);
  if (ticket) return { kind: 'ticket', ticketId: ticket[1]!.toLowerCase() };
  return { kind: 'unknown', message: '这不是本大厅的预约码或取号凭条二维码' };
}
