import { KeypadDriver } from './driver';
import { FakeHidTransport } from './sim/fake-hid-transport';
import { KeypadSimulator } from './sim/simulator';
import { BUILTIN_MODELS, type KeypadModel } from './codec/models';
import type { KeypadAnswer } from './types';

/**
 * The production driver over the simulator with what it reports collected, for tests: short window and
 * key-test times, 20 ms debounce, key n = level n. The caller closes the driver.
 */
export function keypadRig(model: KeypadModel = BUILTIN_MODELS['boot-keyboard']!, windowSeconds = 3, keyTestSeconds = 2) {
  const sim = new KeypadSimulator(model);
  const transport = new FakeHidTransport(sim);
  const settings = { model, windowSeconds, debounceMs: 20, keyLevels: [1, 2, 3, 4, 5], keyTestSeconds };
  const driver = new KeypadDriver(transport, settings, { simulated: true, driver: 'simulated' });
  const answers: KeypadAnswer[] = [];
  const ignored: string[] = [];
  driver.answers.on('answer', (a) => answers.push(a));
  driver.answers.on('ignored', (i) => ignored.push(i.reason));
  return { sim, transport, driver, answers, ignored };
}
