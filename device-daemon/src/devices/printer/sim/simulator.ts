import type { ByteDevice } from '../../core/loopback-transport';
import { EscPosDecoder, type DecodedEvent } from '../codec/decoder';
import { statusReply, type PrinterErrorKind, type PrinterStatus } from '../codec/status';
import { asbFrame } from '../codec/asb';
import { ReceiptRoll } from './receipts';

export type SimPaper = 'ok' | 'near-end' | 'out';
export type SimFault = 'none' | 'autocutter' | 'unrecoverable';

export interface SimPrinterState {
  paper: SimPaper;
  cover: 'open' | 'closed';
  /** False: the printer is switched off; it answers nothing and prints nothing. */
  online: boolean;
  fault: SimFault;
  /** Fault injection: the roll runs out after this many more printed lines (null: never). */
  paperLinesLeft: number | null;
  /** False: a model without automatic status back, which ignores GS a (the driver then asks DLE EOT). */
  asb: boolean;
}

/**
 * A Chinese ESC/POS thermal printer that speaks the real bytes: it answers DLE EOT from its paper, cover and
 * fault state, decodes what it is sent into receipts, and, like a real printer, loses what it is sent while
 * it cannot print (paper out, cover open, fault), counting the lost bytes. Once GS a n (n ≠ 0) enabled
 * automatic status back it pushes its 4-byte status at once and on every change of paper, cover or fault.
 */
export class PrinterSimulator implements ByteDevice {
  readonly state: SimPrinterState = { paper: 'ok', cover: 'closed', online: true, fault: 'none', paperLinesLeft: null, asb: true };
  readonly roll: ReceiptRoll;
  lostBytes = 0;
  /** The last 50 commands the simulator does not know (a noisy line sends many); all are counted. */
  readonly unknownCommands: number[][] = [];
  unknownCommandCount = 0;
  statusRequests = 0;
  /** ASB frames pushed since start (GS a enabled). */
  asbSent = 0;
  /** The GS a mask in force (0: automatic status back off). */
  private asbMask = 0;
  private lastPushed = '';
  private reply: ((bytes: Buffer) => void) | undefined;
  private decoder = this.newDecoder();

  constructor(now: () => Date = () => new Date()) {
    this.roll = new ReceiptRoll(now);
  }

  connect(reply: (bytes: Buffer) => void): void {
    this.reply = reply;
  }

  disconnect(): void {
    this.reply = undefined;
    this.decoder = this.newDecoder(); // a half-received command dies with the link
    this.asbMask = 0; // a reconnecting host enables it again
  }

  receive(bytes: Buffer): void {
    if (!this.state.online) {
      this.lostBytes += bytes.length;
      return;
    }
    this.decoder.push(bytes);
  }

  set(patch: Partial<SimPrinterState>): void {
    Object.assign(this.state, patch);
    if (patch.online === false || patch.asb === false) this.asbMask = 0; // switched off: settings are lost, the host enables it again
    this.pushStatus(false);
  }

  /** Pushes the ASB frame when enabled and (unless `always`) when the status it carries changed. */
  private pushStatus(always: boolean): void {
    if (this.asbMask === 0 || !this.state.online || !this.reply) return;
    const frame = asbFrame(this.status());
    const key = frame.toString('hex');
    if (!always && key === this.lastPushed) return;
    this.lastPushed = key;
    this.asbSent++;
    this.reply(frame);
  }

  /** The status this printer reports, as its DLE EOT replies encode it. */
  status(): PrinterStatus {
    const { paper, cover, fault } = this.state;
    const errorKinds: PrinterErrorKind[] = fault === 'none' ? [] : [fault];
    const paperOut = paper === 'out';
    return {
      online: !paperOut && cover === 'closed' && fault === 'none',
      coverOpen: cover === 'open',
      paperNearEnd: paper !== 'ok',
      paperOut,
      feedButton: false,
      feedingByButton: false,
      waitingForRecovery: false,
      error: fault !== 'none',
      errorKinds,
    };
  }

  canPrint(): boolean {
    return this.status().online;
  }

  private newDecoder(): EscPosDecoder {
    return new EscPosDecoder((e) => this.onEvent(e));
  }

  private onEvent(e: DecodedEvent): void {
    if (e.type === 'status-request') {
      // Real-time command: answered even while the printer cannot print.
      this.statusRequests++;
      this.reply?.(Buffer.from([statusReply(e.n, this.status())]));
      return;
    }
    if (e.type === 'asb') {
      // Taken in any state here (a real printer takes it from its buffer once it can): enabling sends the first status.
      this.asbMask = this.state.asb ? e.mask : 0;
      this.pushStatus(true);
      return;
    }
    if (e.type === 'unknown') {
      this.unknownCommandCount++;
      this.unknownCommands.push(e.bytes);
      if (this.unknownCommands.length > 50) this.unknownCommands.shift();
    }
    if (!this.canPrint()) {
      this.lostBytes += e.length;
      return;
    }
    const used = this.roll.add(e);
    if (this.state.paperLinesLeft !== null && used > 0) {
      this.state.paperLinesLeft = Math.max(0, this.state.paperLinesLeft - used);
      if (this.state.paperLinesLeft === 0) this.set({ paper: 'out', paperLinesLeft: null });
    }
  }
}
