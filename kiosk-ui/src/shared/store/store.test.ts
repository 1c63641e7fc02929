import { beforeEach, describe, expect, it } from 'vitest';
import { onSessionEnd, useKiosk } from './index';

describe('kiosk store', () => {
  beforeEach(() => useKiosk.setState(useKiosk.getInitialState(), true));

  it('navigates, goes back, and going home forgets everything and ends the session', () => {
    const ended: string[] = [];
    const off = onSessionEnd((r) => ended.push(r));
    const s = useKiosk.getState();
    s.navigate('queue.categories');
    s.navigate('queue.identity', { categoryId: 'A', categoryName: '社会民生', realName: 'required' });
    expect(useKiosk.getState().stack).toEqual([
      { name: 'queue.categories', params: undefined },
      { name: 'queue.identity', params: { categoryId: 'A', categoryName: '社会民生', realName: 'required' } },
    ]);
    useKiosk.getState().back();
    expect(useKiosk.getState().stack).toHaveLength(1);
    useKiosk.getState().replace('scan.matters');
    expect(useKiosk.getState().stack.map((x) => x.name)).toEqual(['scan.matters']);
    const epoch = useKiosk.getState().sessionEpoch;
    useKiosk.getState().home('timeout');
    expect(useKiosk.getState().stack).toEqual([]);
    expect(useKiosk.getState().sessionEpoch).toBe(epoch + 1);
    expect(ended).toEqual(['timeout']);
    off();
  });

  it('going home by any way starts the next person from the defaults (关爱模式 off)', () => {
    for (const reason of ['button', 'timeout', 'done'] as const) {
      useKiosk.getState().setElderMode(true);
      useKiosk.getState().navigate('scan.matters');
      useKiosk.getState().home(reason);
      expect(useKiosk.getState().elderMode).toBe(false);
    }
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

/** Never called: `npm run typecheck` fails if navigation accepts a wrong name or wrong params. */
export function wrongNavigationFailsTypecheck(): void {
  const { navigate } = useKiosk.getState();
  // @ts-expect-error no such screen
  navigate('queue.nowhere');
  // @ts-expect-error the ticket screen needs its ticket
  navigate('queue.ticket');
  // @ts-expect-error a category name is a string
  navigate('queue.issue', { categoryId: 'A', categoryName: 1 });
}
