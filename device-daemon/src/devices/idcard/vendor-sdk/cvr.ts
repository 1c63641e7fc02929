import { bind, callAsync, loadLibrary, type Bound, type VendorReader } from './library';
import { transportError } from '../../core/transport';
import { SW3 } from '../codec/status';
import { encodeTextBlock, type CardText } from '../codec/text-block';
import { LONG_TERM } from '../codec/dates';
import { nationName } from '../codec/tables';

/** The per-field getters of the resident card, in the order the card prints them. */
const GETTERS = ['GetPeopleName', 'GetPeopleSex', 'GetNationCode', 'GetPeopleBirthday', 'GetPeopleAddress', 'GetPeopleIDCode', 'GetDepartment', 'GetStartDate', 'GetEndDate'] as const;
type Getter = (typeof GETTERS)[number];

/**
 * 华视 `libtermb` (CVR-100U and kin). CVR_Authenticate does find and select in one call (1 found, 2 find
 * failed, 3 select failed, 0 not initialised); CVR_Read_Content reads the card into the library, and per-field
 * getters hand out text in GB18030. The library gives no raw text block, so the resident card's fields are put
 * back into one (the same parser then checks them); the WLT photo only goes to a file, so none is carried.
 * docs/READERS.md says what this family can and cannot give.
 */
export class CvrReader implements VendorReader {
  private fns: { init: Bound; close: Bound; auth: Bound; read: Bound; get: Record<Getter, Bound> } | undefined;
  private lastAuth = 0;
  private readonly gb = new TextDecoder('gb18030');

  constructor(
    private readonly path: string,
    private readonly port: number,
  ) {}

  async open(): Promise<void> {
    const { lib } = await loadLibrary(this.path);
    const f = (proto: string) => bind(lib, this.path, proto);
    this.fns = {
      init: f('int CVR_InitComm(int Port)'),
      close: f('int CVR_CloseComm()'),
      auth: f('int CVR_Authenticate()'),
      read: f('int CVR_Read_Content(int Active)'),
      get: Object.fromEntries(GETTERS.map((g) => [g, f(`int ${g}(_Out_ uint8_t *buf, _Inout_ int *len)`)])) as Record<Getter, Bound>,
    };
    const rc = await callAsync<number>(this.fns.init, this.port);
    if (rc !== 1) throw transportError('ENOENT', `CVR_InitComm(${this.port}) answered ${rc}: no reader on that port`);
  }

  async close(): Promise<void> {
    if (this.fns) await callAsync<number>(this.fns.close).catch(() => undefined);
    this.fns = undefined;
  }

  /** The family has no SAM status call: a port that opened is a working module. */
  async samStatus(): Promise<number> {
    this.need();
    return SW3.OK;
  }

  async samId(): Promise<{ sw3: number }> {
    return { sw3: SW3.COMMAND };
  }

  async find(): Promise<number> {
    this.lastAuth = await callAsync<number>(this.need().auth);
    if (this.lastAuth === 1 || this.lastAuth === 3) return SW3.FIND_OK;
    if (this.lastAuth === 2) return SW3.NO_CARD;
    return SW3.UNRECOGNISED;
  }

  /** Select was part of the last CVR_Authenticate: its answer is replayed. */
  async select(): Promise<number> {
    this.need();
    return this.lastAuth === 1 ? SW3.OK : SW3.SELECT_FAILED;
  }

  async read(): Promise<{ sw3: number; text?: Buffer; photo?: Buffer }> {
    const fns = this.need();
    if ((await callAsync<number>(fns.read, 4)) !== 1) return { sw3: SW3.READ_FAILED };
    const v = {} as Record<Getter, string>;
    for (const g of GETTERS) v[g] = await this.field(fns.get[g]);
    const day = (s: string) => s.replace(/\D/g, '').replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
    const card: CardText = {
      cardType: 'resident',
      name: v.GetPeopleName,
      gender: v.GetPeopleSex === '男' ? 'male' : v.GetPeopleSex === '女' ? 'female' : 'unknown',
      nation: nationName(v.GetNationCode) ?? v.GetNationCode,
      nationCode: v.GetNationCode,
      birthDate: day(v.GetPeopleBirthday),
      address: v.GetPeopleAddress,
      idNumber: v.GetPeopleIDCode,
      issuer: v.GetDepartment,
      validFrom: day(v.GetStartDate),
      validTo: v.GetEndDate === LONG_TERM ? LONG_TERM : day(v.GetEndDate),
    };
    try {
      return { sw3: SW3.OK, text: encodeTextBlock(card), photo: Buffer.alloc(0) };
    } catch {
      // Fields a resident card cannot hold: the library read something else (a permit card) or garbage.
      return { sw3: SW3.WRONG_CARD };
    }
  }

  private async field(fn: Bound): Promise<string> {
    const buf = Buffer.alloc(256);
    const len = [buf.length];
    if ((await callAsync<number>(fn, buf, len)) !== 1) return '';
    return this.gb.decode(buf.subarray(0, len[0])).trim();
  }

  private need() {
    if (!this.fns) throw transportError('ENOTOPEN', `${this.path} is not open`);
    return this.fns;
  }
}
