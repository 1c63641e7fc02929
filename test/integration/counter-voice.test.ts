import { afterAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { installErrorHandler } from '../../device-daemon/src/core/error-handler';
import voiceRoutes, { Voice } from '../../device-daemon/src/hall/voice';

/** The hall display's voice fallback: real espeak-ng (installed on every machine of the project). */
const app = Fastify({ logger: false });
installErrorHandler(app);
app.register(voiceRoutes, { voice: new Voice() });
const broken = Fastify({ logger: false });
installErrorHandler(broken);
broken.register(voiceRoutes, { voice: new Voice('/nonexistent/espeak-ng') });

afterAll(async () => {
  await app.close();
  await broken.close();
});

const url = (text: string) => `/api/voice?text=${encodeURIComponent(text)}`;

describe('GET /api/voice', () => {
  it('speaks a call as a WAV file, the same bytes from the cache the second time', async () => {
    const first = await app.inject({ url: url('请A零零一号，到3号窗口办理') });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('audio/wav');
    const wav = first.rawPayload;
    expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(wav.subarray(8, 12).toString('latin1')).toBe('WAVE');
    // More than a second of speech at espeak-ng's 22050 Hz, 16-bit mono.
    expect(wav.length).toBeGreaterThan(44 + 22050 * 2);
    const again = await app.inject({ url: url('请A零零一号，到3号窗口办理') });
    expect(Buffer.compare(again.rawPayload, wav)).toBe(0);
  });

  it('refuses long or missing text, and text is never taken as an option', async () => {
    expect((await app.inject({ url: url('请'.repeat(61)) })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/voice' })).statusCode).toBe(400);
    const dash = await app.inject({ url: url('--version') });
    expect(dash.statusCode).toBe(200);
    expect(dash.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
  });

  it('answers 503 VOICE_UNAVAILABLE when espeak-ng is missing', async () => {
    const res = await broken.inject({ url: url('请A001号到3号窗口办理') });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('VOICE_UNAVAILABLE');
  });
});
