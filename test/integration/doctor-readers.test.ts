import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeCamera, probeSharedLibrary, probeUsb } from '../../device-daemon/src/doctor/reader-probes';
import { buildFakeReader, type FakeReader } from '../support/vendor-sdk/fake-reader';

// The doctor's probes for the readers that are not serial ports, against what this machine really has:
// the stand-in vendor library compiled for the run, no USB SAM module, no camera.
let fake: FakeReader;
beforeAll(() => {
  fake = buildFakeReader();
});
afterAll(() => fake.dispose());

describe('doctor: vendor library, USB module, camera', () => {
  it('a library that exports its family passes; one that lacks the other family\'s entry points fails, naming them', async () => {
    const sdt = await probeSharedLibrary('idReader', 'ID-card reader', fake.library, ['SDT_OpenPort', 'SDT_ReadBaseMsg']);
    expect(sdt.status).toBe('PASS');
    const wrong = await probeSharedLibrary('idReader', 'ID-card reader', fake.library, ['CVR_InitComm', 'CVR_GetSAMID']);
    expect(wrong.status).toBe('FAIL');
    expect(wrong.detail).toContain('CVR_GetSAMID');
    const absent = await probeSharedLibrary('idReader', 'ID-card reader', '/nonexistent/libtermb.so', ['CVR_InitComm']);
    expect([absent.status, absent.detail]).toEqual(['FAIL', '/nonexistent/libtermb.so does not exist']);
  });

  it('a USB id nothing answers to (or a machine without USB, as in a container) fails with what to do', async () => {
    const usb = await probeUsb('idReader', 'ID-card reader', 0xfffe, 0xfffd);
    expect(usb.status).toBe('FAIL');
    expect(usb.hint).toMatch(/lsusb|\/sys\/bus\/usb/);
  });

  it('a camera node that does not exist fails before ffmpeg is asked', async () => {
    const cam = await probeCamera('scanner', 'scanner', '/dev/video-none', 'ffmpeg');
    expect([cam.status, cam.detail]).toEqual(['FAIL', '/dev/video-none does not exist']);
  });
});
