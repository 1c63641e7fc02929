import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CardText } from '../../../device-daemon/src/devices/idcard/codec/text-block';
import { encodeTextBlock } from '../../../device-daemon/src/devices/idcard/codec/text-block';
import { fakeWlt } from '../../../device-daemon/src/devices/idcard/sim/profiles';

export type FakeReaderFault = 'none' | 'no-device' | 'sam-fault' | 'read-failure' | 'find-repeats';

/**
 * The vendor-library stand-in (fake-reader.c), compiled with gcc for this test run, and the folder it reads
 * its card from. Cards are the simulator's profiles, encoded by the production text-block encoder.
 */
export interface FakeReader {
  library: string;
  /** Give this as FAKE_READER_DIR to the process that loads the library (set before loading). */
  dir: string;
  putCard(card: CardText): void;
  removeCard(): void;
  fault(f: FakeReaderFault): void;
  dispose(): void;
}

let placed = 0;

export function buildFakeReader(): FakeReader {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-vendor-sdk-'));
  const library = path.join(dir, 'libfake-reader.so');
  execFileSync('gcc', ['-shared', '-fPIC', '-O1', '-Wall', '-Wextra', '-Werror', '-o', library, fileURLToPath(new URL('./fake-reader.c', import.meta.url))], { stdio: 'pipe', timeout: 60_000 });
  const file = (name: string) => path.join(dir, name);
  return {
    library,
    dir,
    putCard(card) {
      writeFileSync(file('card.bin'), encodeTextBlock(card));
      writeFileSync(file('photo.wlt'), fakeWlt(card));
      writeFileSync(file('placed'), String(++placed));
    },
    removeCard() {
      for (const f of ['card.bin', 'photo.wlt']) {
        try {
          unlinkSync(file(f));
        } catch {
          // already gone
        }
      }
    },
    fault(f) {
      writeFileSync(file('fault'), f);
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
