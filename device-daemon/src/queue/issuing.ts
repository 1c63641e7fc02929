import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../events/bus';
import type { RealNameGate } from '../identity/types';
import { ensureCanPrint, printWithFallback, type Printing } from '../devices/printer';
import { printerUnavailable } from './printer-unavailable';
import type { IssueRequest, QueueService } from './service';
import { ticketDocument, type TicketLayoutContext } from './ticket-layout';
import type { Delivery, Ticket } from './types';

/** Who asks for the ticket: the kiosk's screen today; appointment check-in and a window's staff next. */
export type TicketSource = 'kiosk' | 'check-in' | 'staff';

export interface TicketRequest {
  categoryId: string;
  delivery: Delivery;
  source: TicketSource;
  /** The kiosk's ID-card session (`card.read`): real-name categories, one open ticket per person. */
  identitySessionId?: string;
  /** Priority (绿色通道) by age: the real-name gate checks the person's age. */
  priority?: boolean;
  /** Priority the hall grants by decision instead of by age (a staff-issued 绿色通道 ticket): who and why. */
  priorityGrant?: { issuedBy: string; reason: string };
  /** The caller's record of the ticket, committed with it (`IssueRequest.record`): the grant's, for one. */
  record?: IssueRequest['record'];
  /** The appointment this ticket checks in (预约签到): the ticket is marked and called ahead of walk-ins. */
  appointmentId?: string;
  /**
   * The keyed hash the appointment was booked with: it stands for the real name when the person checks in by
   * booking code, without a card on the reader (the booking itself was made by ID number).
   */
  appointmentPersonHash?: string;
}

export interface IssuedTicket {
  /** `printed` is set here: true only when the printer confirmed the ticket. */
  ticket: Ticket;
  /** Why a ticket meant for paper is not on paper; the screen shows the number instead. */
  printError?: { code: string; message: string; reason?: string };
}

export interface TicketIssuingDeps {
  queue: QueueService;
  realName: RealNameGate;
  /** The fitted printer, if any: asked at each ticket, so a printer fitted later is seen. */
  printer: () => Printing | undefined;
  layout: TicketLayoutContext;
  events: Pick<EventBus, 'publish'>;
  kioskId: string;
  log: FastifyBaseLogger;
}

/**
 * Issuing a ticket, the one way every caller does it (the kiosk route, later check-in and staff tickets):
 * the category and its hours checked once, the real-name rules, the printer asked before a number is taken (a
 * printer that cannot print answers 503 PRINTER_NOT_READY and uses no number), the number, the print with
 * its fallback, `markPrinted`, the `queue.ticket.issued` event.
 */
export class TicketIssuing {
  constructor(private readonly deps: TicketIssuingDeps) {}

  async issue(req: TicketRequest): Promise<IssuedTicket> {
    const { queue, realName } = this.deps;
    const category = queue.category(req.categoryId);
    queue.assertOpen(category);
    // A grant replaces the age rule, so only an age-based request goes to the gate as priority.
    const person =
      req.appointmentPersonHash && !req.identitySessionId
        ? { personHash: req.appointmentPersonHash, priority: false, finish: () => undefined }
        : realName.decide(category, { identitySessionId: req.identitySessionId, priority: req.priority && !req.priorityGrant });
    const printer = req.delivery === 'print' ? await ensureCanPrint(this.deps.printer()).catch(printerUnavailable) : undefined;
    const ticket = await queue.take(category, {
      delivery: req.delivery,
      kioskId: this.deps.kioskId,
      personHash: person.personHash,
      priority: person.priority || Boolean(req.priorityGrant),
      ...(req.appointmentId ? { appointmentId: req.appointmentId } : {}),
      ...(req.record ? { record: req.record } : {}),
    });
    person.finish();
    let printError: IssuedTicket['printError'];
    if (printer) {
      const outcome = await printWithFallback(printer, ticketDocument(ticket, this.deps.layout));
      if (outcome.printed) {
        await queue.markPrinted(ticket.id);
        ticket.printed = true;
      } else {
        printError = outcome.error;
        this.deps.log.warn({ ticket: ticket.number, code: printError.code }, 'ticket issued but not printed');
      }
    }
    if (req.source !== 'kiosk') {
      // Tickets not taken by the person at the screen are on record: who issued them, for which appointment.
      const { source, appointmentId, priorityGrant } = req;
      this.deps.log.info({ ticket: ticket.number, source, appointmentId, issuedBy: priorityGrant?.issuedBy, reason: priorityGrant?.reason }, 'ticket issued');
    }
    this.deps.events.publish('queue.ticket.issued', { ticket: { id: ticket.id, number: ticket.number, categoryId: ticket.categoryId } });
    return { ticket, ...(printError ? { printError } : {}) };
  }
}
