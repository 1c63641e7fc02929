import { connect, type Socket } from 'node:net';
import { percentile } from './table';

/**
 * The hall-wide bench's load generator: `total` POSTs of JSON with `clients` keep-alive connections, closed loop,
 * like http-load.ts, but written straight to the socket and read by Content-Length. On a 2-core machine the load
 * generator shares the cores with the daemons and PostgreSQL: node:http's client cost about 1.3-1.7 ms of CPU
 * per ticket there, a quarter of the whole; this costs a fraction of that (the CPU row says how much). Every
 * answer must be 201; the daemon answers with Content-Length and keeps the connection open.
 */
export async function socketLoad(url: string, body: () => unknown, total: number, clients: number) {
  const { hostname, port, pathname } = new URL(url);
  const head = `POST ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: `;
  const open = (): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const s = connect(Number(port), hostname, () => resolve(s));
      s.setNoDelay(true);
      s.once('error', reject);
    });
  const sockets = await Promise.all(Array.from({ length: clients }, open));
  /** One request on `s`; resolves when the whole answer is read. */
  const post = (s: Socket) =>
    new Promise<void>((resolve, reject) => {
      const payload = JSON.stringify(body());
      let buf: Buffer = Buffer.alloc(0);
      const timer = setTimeout(() => done(new Error('HTTP request timed out')), 10_000);
      const done = (err?: Error) => {
        clearTimeout(timer);
        s.off('data', onData);
        s.off('error', done);
        s.off('close', onClose);
        if (err) reject(err);
        else resolve();
      };
      const onClose = () => done(new Error('connection closed by the daemon'));
      const onData = (chunk: Buffer) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const headers = buf.subarray(0, end).toString('latin1');
        const length = /\r\ncontent-length: *(\d+)/i.exec(headers);
        if (!length) return done(new Error(`no Content-Length: ${headers.slice(0, 200)}`));
        if (buf.length < end + 4 + Number(length[1])) return;
        const status = Number(headers.slice(9, 12));
        if (status !== 201) return done(new Error(`unexpected status ${status}: ${buf.subarray(end + 4).toString().slice(0, 300)}`));
        done();
      };
      s.on('data', onData);
      s.once('error', done);
      s.once('close', onClose);
      s.write(`${head}${Buffer.byteLength(payload)}\r\n\r\n${payload}`);
    });
  try {
    await Promise.all(sockets.map(post)); // warm-up: one round, as http-load.ts does
    const latencies: number[] = [];
    let next = 0;
    const client = async (s: Socket) => {
      while (next++ < total) {
        const t0 = process.hrtime.bigint();
        await post(s);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    };
    const started = process.hrtime.bigint();
    await Promise.all(sockets.map(client));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: total / seconds };
  } finally {
    for (const s of sockets) s.destroy();
  }
}
