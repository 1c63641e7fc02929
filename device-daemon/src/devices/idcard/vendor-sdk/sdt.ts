import { bind, callAsync, loadLibrary, type Bound, type VendorReader } from './library';
import { transportError } from '../../core/transport';

/** SDT_OpenPort's answer when the port opened (the SW3 success byte). */
const SDT_OK = 0x90;

/**
 * 神思 / 新中新 `sdtapi`: each call returns the SAM's SW3 byte itself (0x90, 0x9F, 0x80, 0x81, 0x41…), and
 * SDT_ReadBaseMsg hands over the same 256-byte text and 1024-byte WLT blocks a module sends in its 30 01 reply.
 * Ports 1001-1016 are USB readers, 1-16 serial ports. `iIfOpen = 0`: the port stays open between calls.
 */
export class SdtReader implements VendorReader {
  private fns: Record<'open' | 'close' | 'status' | 'samId' | 'find' | 'select' | 'read', Bound> | undefined;

  constructor(
    private readonly path: string,
    private readonly port: number,
  ) {}

  async open(): Promise<void> {
    const { lib } = await loadLibrary(this.path);
    const f = (proto: string) => bind(lib, this.path, proto);
    this.fns = {
      open: f('int SDT_OpenPort(int iPort)'),
      close: f('int SDT_ClosePort(int iPort)'),
      status: f('int SDT_GetSAMStatus(int iPort, int iIfOpen)'),
      samId: f('int SDT_GetSAMID(int iPort, _Out_ uint8_t *pucSAMID, int iIfOpen)'),
      find: f('int SDT_StartFindIDCard(int iPort, _Out_ uint8_t *pucManaInfo, int iIfOpen)'),
      select: f('int SDT_SelectIDCard(int iPort, _Out_ uint8_t *pucManaMsg, int iIfOpen)'),
      read: f('int SDT_ReadBaseMsg(int iPort, _Out_ uint8_t *pucCHMsg, _Out_ uint32_t *puiCHMsgLen, _Out_ uint8_t *pucPHMsg, _Out_ uint32_t *puiPHMsgLen, int iIfOpen)'),
    };
    const rc = await callAsync<number>(this.fns.open, this.port);
    if (rc !== SDT_OK) throw transportError('ENOENT', `SDT_OpenPort(${this.port}) answered 0x${rc.toString(16)}: no reader on that port`);
  }

  async close(): Promise<void> {
    if (this.fns) await callAsync<number>(this.fns.close, this.port).catch(() => undefined);
    this.fns = undefined;
  }

  samStatus(): Promise<number> {
    return callAsync<number>(this.need().status, this.port, 0);
  }

  async samId(): Promise<{ sw3: number; id?: Buffer }> {
    const id = Buffer.alloc(16);
    const sw3 = await callAsync<number>(this.need().samId, this.port, id, 0);
    return sw3 === SDT_OK ? { sw3, id } : { sw3 };
  }

  find(): Promise<number> {
    return callAsync<number>(this.need().find, this.port, Buffer.alloc(8), 0);
  }

  select(): Promise<number> {
    return callAsync<number>(this.need().select, this.port, Buffer.alloc(16), 0);
  }

  async read(): Promise<{ sw3: number; text?: Buffer; photo?: Buffer }> {
    const text = Buffer.alloc(256);
    const photo = Buffer.alloc(1024);
    const textLen = [0];
    const photoLen = [0];
    const sw3 = await callAsync<number>(this.need().read, this.port, text, textLen, photo, photoLen, 0);
    if (sw3 !== SDT_OK) return { sw3 };
    return { sw3, text: text.subarray(0, textLen[0]), photo: photo.subarray(0, photoLen[0]) };
  }

  private need() {
    if (!this.fns) throw transportError('ENOTOPEN', `${this.path} is not open`);
    return this.fns;
  }
}
