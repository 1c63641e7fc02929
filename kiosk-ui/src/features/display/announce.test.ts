import { afterEach, describe, expect, it, vi } from 'vitest';
import { Announcer, callText, spokenText } from './announce';

afterEach(() => {
  vi.useRealTimers();
});

describe('hall announcements', () => {
  it('shows and says the call in the hall’s words', () => {
    expect(callText({ number: 'A001', counter: 3 })).toBe('请A001号到3号窗口办理');
    expect(spokenText({ number: 'A001', counter: 3, recall: false })).toBe('请A零零一号，到3号窗口办理');
    expect(spokenText({ number: 'F120', counter: 12, recall: true })).toBe('重呼，请F一二零号，到12号窗口办理');
  });

  it('says calls that arrive together one after another, without cutting any off', () => {
    vi.useFakeTimers();
    const said: string[] = [];
    const announcer = new Announcer((t) => said.push(t), () => Date.now());
    announcer.announce({ number: 'A001', counter: 1, recall: false });
    announcer.announce({ number: 'B002', counter: 2, recall: false });
    vi.advanceTimersByTime(10);
    expect(said).toHaveLength(1);
    vi.advanceTimersByTime(4000);
    expect(said).toHaveLength(1);
    vi.advanceTimersByTime(1100);
    expect(said).toEqual(['请A零零一号，到1号窗口办理', '请B零零二号，到2号窗口办理']);
    announcer.stop();
  });
});
