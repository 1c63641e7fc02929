import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodePhoto } from './photo';
import { loadSpawner, type Spawner } from '../devices/core/spawn-without-fork';

function script(body: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'wlt-')), 'decoder');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

// The same contract whether the decoder is started by Node's spawn or without fork (posix_spawn).
const ways: [string, () => Promise<Spawner | undefined>][] = [
  ["Node's spawn", async () => undefined],
  ['posix_spawn', async () => (await loadSpawner())!],
];

describe.each(ways)('decodePhoto, started by %s', (_way, spawner) => {
  it('turns the decoder output into a data URL by its magic bytes', async () => {
    // A fake decoder: a PNG signature followed by the length of what it read.
    const cmd = script(`printf '\\211PNG\\r\\n\\032\\n'; wc -c`);
    const result = await decodePhoto(cmd, Buffer.alloc(1024, 7), 3000, await spawner());
    expect(result.ok).toBe(true);
    const bytes = Buffer.from((result as { dataUrl: string }).dataUrl.split(',')[1]!, 'base64');
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    expect(bytes.subarray(8).toString().trim()).toBe('1024');
  });

  it('reports a failing, missing or silent decoder as no photo', async () => {
    const s = await spawner();
    expect(await decodePhoto(script('exit 3'), Buffer.alloc(4), 3000, s)).toEqual({ ok: false, reason: 'exit 3' });
    expect(await decodePhoto(script('echo hello'), Buffer.alloc(4), 3000, s)).toEqual({ ok: false, reason: 'not an image' });
    expect(await decodePhoto('/nonexistent/wlt2bmp', Buffer.alloc(4), 3000, s)).toEqual({ ok: false, reason: 'ENOENT' });
    expect(await decodePhoto(script('sleep 5'), Buffer.alloc(4), 200, s)).toEqual({ ok: false, reason: 'timeout' });
  });
});
