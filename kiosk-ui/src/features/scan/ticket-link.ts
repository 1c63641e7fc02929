import { onSessionEnd } from '@/shared/store';
import { onSessionTicket } from '@/shared/kiosk';
import { linkTicket } from './api';

/**
 * Materials scanned before the person took a ticket: once they take one in the same session («去取号» on the done
 * screen), the submission is linked to it (`PUT /api/scan/submissions/:id/ticket`), so the window that calls the
 * ticket finds the materials without the SM number. Forgotten when the session ends (the receipt's SM number
 * still finds them at the window).
 */
const waiting = new Set<string>();

export function linkWhenTicketTaken(submissionId: string): void {
  waiting.add(submissionId);
}

onSessionTicket((ticket) => {
  for (const id of [...waiting]) {
    waiting.delete(id);
    // A failure leaves the SM number on the receipt, which the window can search.
    linkTicket(id, ticket.id).catch(() => undefined);
  }
});
onSessionEnd(() => waiting.clear());
