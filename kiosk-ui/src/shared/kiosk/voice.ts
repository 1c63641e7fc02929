/**
 * Voice guidance (关爱模式, hall announcements). Uses a voice of the browser in the hall's language when one
 * exists; else the daemon's `/api/voice` (espeak-ng) when the daemon says it can speak; else stays silent.
 * Never throws and never requests a voice the daemon cannot make: a failure is the technician's to see on the
 * health page (the daemon's start-up check), not a console error on a citizen's screen.
 */
interface DaemonVoice {
  language: 'cmn' | 'yue';
  available: boolean;
}

/** The daemon's route refuses longer text (hall/voice.ts): longer guidance is cut, not refused. */
const MAX_TEXT = 60;
/** A kiosk whose engine was missing asks again after this, so installing espeak-ng needs no page reload. */
const RECHECK_MS = 60_000;

let current: HTMLAudioElement | undefined;
let generation = 0;
let daemon: Promise<DaemonVoice> | undefined;

function daemonVoice(): Promise<DaemonVoice> {
  daemon ??= fetch('/api/kiosk')
    .then((r) => (r.ok ? (r.json() as Promise<{ voice?: DaemonVoice }>) : undefined))
    .then((k) => k?.voice ?? { language: 'cmn' as const, available: false })
    .catch(() => ({ language: 'cmn' as const, available: false }))
    .then((v) => {
      if (!v.available) setTimeout(() => (daemon = undefined), RECHECK_MS);
      return v;
    });
  return daemon;
}

function browserVoice(language: DaemonVoice['language']): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const wanted = language === 'yue' ? /^(yue|zh-HK)/i : /^(zh|cmn)(?!-HK)/i;
  return speechSynthesis.getVoices().find((v) => wanted.test(v.lang));
}

export function speak(text: string): void {
  if (!text) return;
  stopSpeaking();
  const mine = generation;
  void daemonVoice().then((d) => {
    if (mine !== generation) return; // stopped or replaced meanwhile
    const voice = browserVoice(d.language);
    if (voice) {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = 0.9;
      speechSynthesis.speak(u);
      return;
    }
    if (!d.available) return;
    const audio = new Audio(`/api/voice?text=${encodeURIComponent(text.slice(0, MAX_TEXT))}`);
    current = audio;
    audio.play().catch(() => undefined);
  });
}

export function stopSpeaking(): void {
  generation += 1;
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  current?.pause();
  current = undefined;
}
