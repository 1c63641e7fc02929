import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The real daemon process under a stand-in for systemd's notification socket: it must say READY=1 once it
 * listens, WATCHDOG=1 every WATCHDOG_USEC/2, and STOPPING=1 on SIGTERM, through the real systemd-notify tool.
 * The stand-in is a few lines of Python because node cannot receive on a unix datagram socket; it closes the
 * BARRIER fd systemd-notify waits on, as systemd does.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-notify-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const RECEIVER = `
import array, os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
print('bound', flush=True)
while True:
    msg, anc, _flags, _addr = s.recvmsg(4096, socket.CMSG_SPACE(64))
    for level, kind, data in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds = array.array('i')
            fds.frombytes(data[: len(data) - len(data) % fds.itemsize])
            for fd in fds:
                os.close(fd)
    print(msg.decode().replace('\\n', ' '), flush=True)
`;

function lines(child: ChildProcess): string[] {
  const out: string[] = [];
  let buf = '';
  child.stdout!.on('data', (c) => {
    buf += String(c);
    const parts = buf.split('\n');
    buf = parts.pop()!;
    out.push(...parts);
  });
  return out;
}

describe('sd_notify from the daemon process', () => {
  it('announces readiness, pings the watchdog, and says it is stopping', async () => {
    const socketPath = path.join(dir, 'notify.sock');
    writeFileSync(path.join(dir, 'receiver.py'), RECEIVER);
    const receiver = spawn('python3', [path.join(dir, 'receiver.py'), socketPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(receiver);
    const messages = lines(receiver);
    await expect.poll(() => messages, { timeout: 5000 }).toContain('bound');

    const daemon = spawn(process.execPath, ['--import', 'tsx', 'device-daemon/src/server.ts'], {
      cwd: root,
      env: { ...process.env, NOTIFY_SOCKET: socketPath, WATCHDOG_USEC: '2000000', KIOSK_PORT: '0', KIOSK_DATA_DIR: path.join(dir, 'data'), KIOSK_CONFIG: '' },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    children.push(daemon);
    await expect.poll(() => messages, { timeout: 30_000 }).toContain('READY=1 STATUS=listening');
    await expect.poll(() => messages.filter((m) => m === 'WATCHDOG=1').length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);

    const exited = new Promise<number | null>((resolve) => daemon.once('exit', resolve));
    daemon.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect.poll(() => messages, { timeout: 5000 }).toContain('STOPPING=1');
    expect(messages.filter((m) => m === 'BARRIER=1').length).toBeGreaterThan(0); // systemd-notify waited for us
  });
});
