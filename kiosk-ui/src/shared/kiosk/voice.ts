/**
 * Voice guidance (关爱模式, hall announcements). Uses a Mandarin voice of the browser when one exists; else the
 * daemon's `/api/voice` (espeak-ng) when it is there; else stays silent. Never throws.
 */
let current: HTMLAudioElement | undefined;

function browserVoice(): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((v) => /^(zh|cmn)/i.test(v.lang));
}

export function speak(text: string): void {
  if (!text) return;
  stopSpeaking();
  const voice = browserVoice();
  if (voice) {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    speechSynthesis.speak(u);
    return;
  }
  const audio = new Audio(`/api/voice?text=${encodeURIComponent(text.slice(0, 200))}`);
  current = audio;
  audio.play().catch(() => undefined);
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  current?.pause();
  current = undefined;
}
