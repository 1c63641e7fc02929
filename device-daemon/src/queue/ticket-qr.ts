import QRCode from 'qrcode';
import { ticketUrl } from './ticket-layout';

/** Tickets whose SVG is kept: a screen shows one for a minute or two, so a day's busiest hour fits. */
const KEPT = 256;

/**
 * The QR code of a ticket as an SVG, for a ticket shown on screen only: the same phone-page URL the printed
 * ticket carries (`ticketUrl`), so the person follows the queue and rates from their phone either way. Only the
 * ticket id is in it, no personal data. Rendered once per ticket and kept (the URL of a ticket never changes).
 */
export class TicketQr {
  private readonly cache = new Map<string, string>();

  constructor(private readonly publicBaseUrl: string) {}

  async svg(ticketId: string): Promise<string> {
    const hit = this.cache.get(ticketId);
    if (hit) return hit;
    const svg = await QRCode.toString(ticketUrl({ id: ticketId }, this.publicBaseUrl), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    if (this.cache.size >= KEPT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(ticketId, svg);
    return svg;
  }
}
