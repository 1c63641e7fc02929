import type { ByteDevice } from '../../core/loopback-transport';
import { FrameDecoder } from '../codec/decoder';
import { Command, encodeReply, PREAMBLE } from '../codec/frame';
import { SW3 } from '../codec/status';
import { encodeTextBlock, type CardText } from '../codec/text-block';
import { encodeReadData, encodeReadDataWithFingerprint } from '../codec/read-reply';
import { encodeSamId } from '../codec/sam-id';
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

/** The simulated module's SAM id as its label prints it; the 12 FF reply carries its 16 bytes. */
export const SIM_SAM_ID = '05.01-20101129-0001228293-0296863149';
const SAM_ID = encodeSamId(SIM_SAM_ID);

/**
 * What find answers after a good read while the card stays (docs/PROTOCOLS.md §1): most modules fail it
 * (`fails`; select still succeeds), some keep answering 9F (`repeats`). The driver must cope with both.
 */
export const FIND_AFTER_READ = ['fails', 'repeats'] as const;
export type FindAfterRead = (typeof FIND_AFTER_READ)[number];
/** Fingerprint templates a 30 10 reply carries: two of 512 bytes (a card without them sends none). */
const SIM_FINGERPRINT_BYTES = 1024;
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
  findAfterRead: FindAfterRead = 'fails';
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
      const found = this.card && (!this.readSincePlaced || this.findAfterRead === 'repeats');
      return this.reply(found ? encodeReply(SW3.FIND_OK, Buffer.alloc(4)) : encodeReply(SW3.NO_CARD));
    }
    if (is(cmd, para, Command.SELECT_CARD)) {
      return this.reply(this.card ? encodeReply(SW3.OK, Buffer.alloc(8)) : encodeReply(SW3.SELECT_FAILED));
    }
    const withFingerprint = is(cmd, para, Command.READ_TEXT_PHOTO_FP);
    if (is(cmd, para, Command.READ_TEXT_PHOTO) || withFingerprint) {
      if (!this.card || this.fault === 'read-failure') return this.reply(encodeReply(SW3.READ_FAILED));
      this.readSincePlaced = true;
      const record = { text: encodeTextBlock(this.card.text), photo: this.card.photo };
      // A recognisable stand-in for fingerprint templates, so tests can prove none of it survives the parse.
      const data = withFingerprint ? encodeReadDataWithFingerprint(record, Buffer.alloc(SIM_FINGERPRINT_BYTES, 0xf9)) : encodeReadData(record);
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
