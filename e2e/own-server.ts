import { spawn, type ChildProcess } from 'node:child_process';

/** A `next start` of the current build that a spec starts and stops itself, with its own environment. */
export class OwnServer {
  private process: ChildProcess | undefined;
  private log = '';

  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything the server has written to stdout and stderr since it was started. */
  get output(): string {
    return this.log;
  }

  /** Starts the server and resolves once it answers HTTP (with any status: access control may refuse). */
  async start(): Promise<void> {
    this.log = '';
    // Its own process group, so stop() also ends the server that `next start` runs as a child.
    this.process = spawn('npx', ['next', 'start', '-p', String(this.port)], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OTEL_SERVICE_NAME: 'meterboard-own-server', ...this.env },
    });
    for (const stream of [this.process.stdout, this.process.stderr]) stream?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        await fetch(`${this.url}/api/stats`);
        return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`next start -p ${this.port} did not answer within 60 s`);
  }

  /** Stops the server and resolves once the port refuses connections. */
  async stop(): Promise<void> {
    if (this.process?.pid === undefined) return;
    process.kill(-this.process.pid, 'SIGKILL');
    this.process = undefined;
    for (;;) {
      try {
        await fetch(`${this.url}/api/stats`);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
