import { describe, expect, it } from 'vitest';
import { ChildProcessTransport } from './child-transport';
import { collect } from './scan-transport';
import { loadSpawner } from '../../core/spawn-without-fork';

const node = process.execPath;

describe('the scanner transport without fork', () => {
  it('is what the transport starts image runs with once loaded: same bytes, kill stops the run', async () => {
    const transport = new ChildProcessTransport({ command: node });
    const first = transport.run(['-e', 'process.stdout.write("P5 1 1 255 x")'], { toFile: true });
    await first.exit;
    await first.output!.close();
    await loadSpawner();
    const proc = transport.run(['-e', 'process.stderr.write("Progress: 1.0%\\r"); setTimeout(() => {}, 20000)'], { toFile: true });
    let err = '';
    await new Promise<void>((resolve) => proc.stderr.on('data', (d: Buffer) => ((err += d.toString()), resolve())));
    proc.kill();
    expect(await proc.exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(err).toContain('Progress: 1.0%');
    expect((await collect(proc.stdout)).length).toBe(0);
    await proc.output!.close();
  });
});
