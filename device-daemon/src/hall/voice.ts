import { spawn } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { unavailable } from '../core/errors';
import { errorResponses } from '../core/schemas';

/** Announcements are short («请A001号到3号窗口办理»); longer text is refused by the schema. */
const MAX_TEXT = 60;
const CACHE_SIZE = 64;
const SYNTH_TIMEOUT_MS = 10_000;

/**
 * The engine is espeak-ng, chosen on evidence (docs/DOMAIN.md, «语音»): it is in Debian main (the deploy guide's
 * package list), works offline, and has Mandarin (`cmn`) and Cantonese (`yue`) voices. The better-sounding
 * offline engines are not packaged: Ekho (Mandarin and Cantonese from recordings) is in neither Debian 12 nor
 * npm, mbrola's `cn1` voice is not in Debian, and Piper / sherpa-onnx ship no Chinese voice in any package
 * (their models are downloads), so none of them works on a kiosk installed as the README says.
 */
export type VoiceLanguage = 'cmn' | 'yue';
const VOICES: Record<VoiceLanguage, string> = {
  // Latin letters in a number («A001») read as pinyin / jyutping letters, not English.
  cmn: 'cmn-latn-pinyin',
  yue: 'yue',
};
/** What the start-up check says, so a kiosk without the engine is known before anyone needs a voice. */
const PROBE_TEXT = '您好';

export interface VoiceStatus {
  engine: 'espeak-ng';
  language: VoiceLanguage;
  /** null until the first synthesis (the start-up check) has run. */
  available: boolean | null;
  /** For the technician: why the last synthesis failed (e.g. `espeak-ng: ENOENT`: the package is missing). */
  reason?: string;
  checkedAt?: string;
}

/**
 * Speech synthesis as a WAV file: the kiosk's and the hall display's voice when the browser has no zh-CN
 * voice (Chromium on Linux has none). Text goes to espeak-ng's standard input, never its argument list; one
 * synthesis runs at a time; results are cached (calls repeat the same sentences all day). Every outcome is
 * kept in `status()`, which the technician's page and /api/kiosk show.
 */
export class Voice {
  private readonly cache = new Map<string, Buffer>();
  private chain: Promise<unknown> = Promise.resolve();
  private state: VoiceStatus;

  constructor(
    private readonly binary = 'espeak-ng',
    readonly language: VoiceLanguage = 'cmn',
  ) {
    this.state = { engine: 'espeak-ng', language, available: null };
  }

  status(): VoiceStatus {
    return { ...this.state };
  }

  /** One synthesis at start, so a missing engine shows on the health page at once; never throws. */
  probe(): Promise<void> {
    return this.speak(PROBE_TEXT).then(
      () => undefined,
      () => undefined,
    );
  }

  speak(text: string): Promise<Buffer> {
    const hit = this.cache.get(text);
    if (hit) {
      this.cache.delete(text);
      this.cache.set(text, hit);
      return Promise.resolve(hit);
    }
    const next = this.chain.then(() => this.synthesise(text));
    this.chain = next.catch(() => undefined);
    return next.then(
      (wav) => {
        this.state = { engine: 'espeak-ng', language: this.language, available: true, checkedAt: new Date().toISOString() };
        this.cache.set(text, wav);
        if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
        return wav;
      },
      (err: { cause?: string }) => {
        this.state = { engine: 'espeak-ng', language: this.language, available: false, reason: err.cause ?? 'espeak-ng failed', checkedAt: new Date().toISOString() };
        throw err;
      },
    );
  }

  private synthesise(text: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, ['-v', VOICES[this.language], '-s', '140', '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => child.kill('SIGKILL'), SYNTH_TIMEOUT_MS);
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        // The cause (e.g. the program is missing) goes to the log only: no program or errno names in public answers.
        reject(Object.assign(unavailable('VOICE_UNAVAILABLE', '语音合成暂不可用'), { cause: `espeak-ng: ${err.code ?? err.message}` }));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const wav = Buffer.concat(chunks);
        if (code === 0 && wav.length > 44) resolve(wav);
        else reject(Object.assign(unavailable('VOICE_UNAVAILABLE', '语音合成失败'), { cause: `espeak-ng exit ${code}` }));
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(text, 'utf8');
    });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The voice engine and its last outcome (hall/voice.ts). */
    voice: Voice;
  }
}

/** GET /api/voice, and the start-up check of the engine. The hall plugin makes the Voice and decorates `app.voice`. */
export default async function voiceRoutes(app: FastifyInstance, opts: { voice?: Voice } = {}) {
  const voice = opts.voice ?? new Voice();
  app.addHook('onReady', () => {
    // In the background: the daemon does not wait for the engine; the outcome lands in status().
    void voice.probe().then(() => {
      const s = voice.status();
      if (!s.available) app.log.warn({ area: 'voice', reason: s.reason }, 'voice guidance unavailable');
    });
  });
  app.get<{ Querystring: { text: string } }>('/api/voice', {
    schema: {
      querystring: {
        type: 'object',
        required: ['text'],
        properties: { text: { type: 'string', minLength: 1, maxLength: MAX_TEXT } },
      },
      response: errorResponses,
    },
  }, async (req, reply) => {
    const wav = await voice.speak(req.query.text.trim());
    return reply.header('content-type', 'audio/wav').header('cache-control', 'public, max-age=86400').send(wav);
  });
}
