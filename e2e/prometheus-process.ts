import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A real Prometheus (Debian's package) with a config of the spec's, in a directory of its own. */
export class PrometheusProcess {
  readonly directory = mkdtempSync(join(tmpdir(), 'meterboard-prometheus-'));
  private child: ChildProcess | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Writes `config` as its prometheus.yml, starts it and resolves once /-/ready answers. */
  async start(config: string): Promise<void> {
    const configFile = join(this.directory, 'prometheus.yml');
    writeFileSync(configFile, config);
    this.child = spawn('prometheus', [`--config.file=${configFile}`, `--storage.tsdb.path=${join(this.directory, 'data')}`, `--web.listen-address=127.0.0.1:${this.port}`], {
      stdio: 'ignore',
    });
    let spawnError: Error | undefined;
    this.child.once('error', (error) => (spawnError = error));
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (spawnError) throw new Error(`cannot run prometheus (on Debian: apt-get install -y prometheus): ${spawnError.message}`);
      if (await fetch(`${this.url}/-/ready`).then((response) => response.ok, () => false)) return;
      if (Date.now() > deadline) throw new Error(`prometheus did not get ready on ${this.url} within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The instant vector of `query` now: labels and value of each series. */
  async query(query: string): Promise<Array<{ metric: Record<string, string>; value: number }>> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(query)}`);
    const body = (await response.json()) as { status: string; error?: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    if (body.status !== 'success') throw new Error(`Prometheus refused ${query}: ${body.error}`);
    return body.data.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
  }

  /**
   * True when `query`, evaluated once a second from `startSeconds` (epoch seconds) to now, has a
   * finite value at some point: the query returns data for traffic sent at any time since, however
   * long ago, which an instant query over a short range only does while the traffic is recent.
   */
  async hasDataSince(query: string, startSeconds: number): Promise<boolean> {
    const end = Date.now() / 1000;
    const params = new URLSearchParams({ query, start: String(startSeconds), end: String(end), step: '1' });
    const response = await fetch(`${this.url}/api/v1/query_range?${params}`);
    const body = (await response.json()) as { status: string; error?: string; data: { result: Array<{ values: Array<[number, string]> }> } };
    if (body.status !== 'success') throw new Error(`Prometheus refused ${query}: ${body.error}`);
    return body.data.result.some(({ values }) => values.some(([, value]) => Number.isFinite(Number(value))));
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    rmSync(this.directory, { recursive: true, force: true });
  }
}
