import { Agent, request } from 'node:http';
import { percentile } from './table';

/**
 * `total` POSTs of JSON over real HTTP with `clients` keep-alive connections, each client sending its next
 * request when its previous answer is read (closed loop): latency of each, throughput of the whole, CPU time of
 * this process per request (the server when it runs here, and the clients). Every
 * answer must be 201; a warm-up of one round opens the connections first.
 */
export async function httpLoad(url: string, body: () => unknown, total: number, clients: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const payload = JSON.stringify(body());
      const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text = (text + d.toString()).slice(0, 300)));
        res.on('error', reject);
        res.on('end', () => (res.statusCode === 201 ? resolve() : reject(new Error(`unexpected status ${res.statusCode}: ${text}`))));
      });
      req.setTimeout(10_000, () => req.destroy(new Error('HTTP request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  try {
    await Promise.all(Array.from({ length: clients }, post));
    const latencies: number[] = [];
    let next = 0;
    const client = async () => {
      while (next++ < total) {
        const t0 = process.hrtime.bigint();
        await post();
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    };
    const started = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    await Promise.all(Array.from({ length: clients }, client));
    const cpu = process.cpuUsage(cpu0);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort((a, b) => a - b);
    // CPU time (user + system) of this process per request: the server's and, in the same process, the clients'.
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: total / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / total };
  } finally {
    agent.destroy();
  }
}
