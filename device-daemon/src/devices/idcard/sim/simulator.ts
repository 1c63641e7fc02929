import type { ByteDevice } from '../../core/loopback-transport';
import { FrameDecoder } from '../codec/decoder';
import { Command, encodeReply, PREAMBLE } from '../codec/frame';
import { SW3 } from '../codec/status';
import { encodeTextBlock, type CardText } from '../codec/text-block';
import { encodeReadData } from '../codec/read-reply';
import { fakeWlt } from './profiles';

/**
 * Faults the simulated reader can be put in. `unplug` is the transport's business (LoopbackTransport.unplug);
 * the rest change the bytes this device sends.
 */
export const SIM_FAULTS = ['none', 'read-failure', 'sam-fault', 'bad-checksum', 'chunked', 'noise', 'mute', 'unplug'] as const;
export type SimFault = (typeof SIM_FAULTS)[number];

/** A card on the simulated reader: its text and an opaque WLT photo. */
export interface SimCard {
  text: CardText;
  photo: Buffer;
}

/** Bytes of the SAM id reply (12 FF): 16 bytes, shown to the technician as hex. */
const SAM_ID = Buffer.from('0501202401150000000012345678abcd', 'hex');
/** How `chunked` splits replies: small pieces with a pause, as a USB-serial bridge delivers them (about line rate). */
const CHUNK_BYTES = 12;
const CHUNK_DELAY_MS = 1;
/** A simulated kiosk polls for months: only this many received commands are kept. */
export const RECEIVED_KEPT = 500;

const is = (cmd: number, para: number, c: readonly [number, number]) => cmd === c[0] && para === c[1];

/**
 * A SAM reader that speaks GA 467: decodes the host's command frames (split or not) and answers with the
 * reply frames a real module sends, including its card-in-field behaviour: after a successful read, find-card
 * fails until the card has left the field; select still succeeds while the card lies there.
 */
export class IdCardSimulator implements ByteDevice {
  private send: ((bytes: Buffer) => void) | undefined;
  private readonly decoder = new FrameDecoder();
  private card: SimCard | undefined;
  private readSincePlaced = false;
  fault: SimFault = 'none';
  /** The last RECEIVED_KEPT commands received, oldest first, for tests (`[cmd, para]`); a polled reader sends three a poll. */
  readonly received: [number, number][] = [];

  connect(reply: (bytes: Buffer) => void): void {
    this.send = reply;
    this.decoder.reset();
    // A reconnected module starts afresh: a card lying in the field is found again.
    this.readSincePlaced = false;
  }

  disconnect(): void {
    this.send = undefined;
  }

  /** Places a card in the field (replacing any card there). */
  putCard(text: CardText, photo = fakeWlt(text)): void {
    this.card = { text, photo };
    this.readSincePlaced = false;
  }

  /** Takes the card out of the field. */
  removeCard(): void {
    this.card = undefined;
    this.readSincePlaced = false;
  }

  get hasCard(): boolean {
    return this.card !== undefined;
  }

  receive(bytes: Buffer): void {
    for (const r of this.decoder.push(bytes)) {
      if (r.kind === 'error') this.reply(encodeReply(SW3.RX_CHECKSUM));
      else if (r.body.length >= 2) this.handle(r.body[0]!, r.body[1]!);
      else this.reply(encodeReply(SW3.RX_LENGTH));
    }
  }

  private handle(cmd: number, para: number): void {
    this.received.push([cmd, para]);
    if (this.received.length > RECEIVED_KEPT) this.received.shift();
    if (this.fault === 'mute') return;
    const samFault = this.fault === 'sam-fault';
    if (is(cmd, para, Command.SAM_STATUS) || is(cmd, para, Command.RESET_SAM)) {
      return this.reply(encodeReply(samFault ? SW3.SAM_SELF_TEST : SW3.OK));
    }
    if (samFault) return this.reply(encodeReply(SW3.SAM_SELF_TEST));
    if (is(cmd, para, Command.SAM_ID)) return this.reply(encodeReply(SW3.OK, SAM_ID));
    if (is(cmd, para, Command.FIND_CARD)) {
      const found = this.card && !this.readSincePlaced;
      return this.reply(found ? encodeReply(SW3.FIND_OK, Buffer.alloc(4)) : encodeReply(SW3.NO_CARD));
    }
    if (is(cmd, para, Command.SELECT_CARD)) {
      return this.reply(this.card ? encodeReply(SW3.OK, Buffer.alloc(8)) : encodeReply(SW3.SELECT_FAILED));
    }
    if (is(cmd, para, Command.READ_TEXT_PHOTO)) {
      if (!this.card || this.fault === 'read-failure') return this.reply(encodeReply(SW3.READ_FAILED));
      this.readSincePlaced = true;
      const data = encodeReadData({ text: encodeTextBlock(this.card.text), photo: this.card.photo });
      return this.reply(encodeReply(SW3.OK, data));
    }
    if (is(cmd, para, Command.READ_NEW_ADDRESS)) return this.reply(encodeReply(SW3.NO_CONTENT));
    return this.reply(encodeReply(SW3.COMMAND));
  }

  private reply(frame: Buffer): void {
    const send = this.send;
    if (!send) return;
    let bytes = frame;
    if (this.fault === 'bad-checksum') {
      bytes = Buffer.from(frame);
      bytes[bytes.length - 1]! ^= 0x5a;
    }
    if (this.fault === 'noise') {
      // Line noise and a false start of a preamble, as a reader emits after power glitches.
      bytes = Buffer.concat([Buffer.from([0x00, 0xff, 0x13]), PREAMBLE.subarray(0, 3), Buffer.from([0x42]), bytes]);
    }
    if (this.fault !== 'chunked') return send(bytes);
    let at = 0;
    const next = () => {
      if (at >= bytes.length || this.send !== send) return;
      send(bytes.subarray(at, at + CHUNK_BYTES));
      at += CHUNK_BYTES;
      setTimeout(next, CHUNK_DELAY_MS);
    };
    next();
  }
}
