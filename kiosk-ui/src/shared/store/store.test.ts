import { beforeEach, describe, expect, it } from 'vitest';
import { onSessionEnd, useKiosk } from './index';

describe('kiosk store', () => {
  beforeEach(() => useKiosk.setState(useKiosk.getInitialState(), true));

  it('navigates, goes back, and going home forgets everything and ends the session', () => {
    const ended: string[] = [];
    const off = onSessionEnd((r) => ended.push(r));
    const s = useKiosk.getState();
    s.navigate('queue.categories');
    s.navigate('queue.ticket', { id: 'x' });
    expect(useKiosk.getState().stack.map((x) => x.name)).toEqual(['queue.categories', 'queue.ticket']);
    useKiosk.getState().back();
    expect(useKiosk.getState().stack).toHaveLength(1);
    const epoch = useKiosk.getState().sessionEpoch;
    useKiosk.getState().home('timeout');
    expect(useKiosk.getState().stack).toEqual([]);
    expect(useKiosk.getState().sessionEpoch).toBe(epoch + 1);
    expect(ended).toEqual(['timeout']);
    off();
  });

  it('back from the first inner page goes home', () => {
    useKiosk.getState().navigate('scan.matters');
    useKiosk.getState().back();
    expect(useKiosk.getState().stack).toEqual([]);
  });

  it('keeps live device states over the initial snapshot', () => {
    useKiosk.getState().setDeviceState('printer', 'error');
    useKiosk.getState().setInfo({
      version: '1',
      hall: { name: 'h', timezone: 'Asia/Shanghai', kioskId: 'k' },
      ui: { pageTimeoutSeconds: 60, elderPageTimeoutSeconds: 120, attractAfterSeconds: 90 },
      devices: { printer: { simulated: true, state: 'idle' }, scanner: { simulated: true, state: 'idle' } },
    });
    expect(useKiosk.getState().deviceStates).toEqual({ printer: 'error', scanner: 'idle' });
  });
});
