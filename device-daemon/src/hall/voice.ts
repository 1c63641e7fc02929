import { spawn } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { unavailable } from '../core/errors';
import { errorResponses } from '../core/schemas';

/** Announcements are short («请A001号到3号窗口办理»); longer text is refused by the schema. */
const MAX_TEXT = 60;
const CACHE_SIZE = 64;
const SYNTH_TIMEOUT_MS = 10_000;
const VOICE = 'cmn-latn-pinyin';

/**
 * Speech synthesis with espeak-ng (Mandarin, Latin letters read as pinyin) as a WAV file: the hall display's
 * fallback when the browser has no zh-CN voice. Text goes to espeak-ng's standard input, never its argument
 * list; one synthesis runs at a time; results are cached (calls repeat the same sentences all day).
 */
export class Voice {
  private readonly cache = new Map<string, Buffer>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly binary = 'espeak-ng') {}

  speak(text: string): Promise<Buffer> {
    const hit = this.cache.get(text);
    if (hit) {
      this.cache.delete(text);
      this.cache.set(text, hit);
      return Promise.resolve(hit);
    }
    const next = this.chain.then(() => this.synthesise(text));
    this.chain = next.catch(() => undefined);
    return next.then((wav) => {
      this.cache.set(text, wav);
      if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
      return wav;
    });
  }

  private synthesise(text: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, ['-v', VOICE, '-s', '140', '--stdout'], { stdio: ['pipe', 'pipe', 'ignore'] });
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

export default async function voiceRoutes(app: FastifyInstance, opts: { voice?: Voice } = {}) {
  const voice = opts.voice ?? new Voice();
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
