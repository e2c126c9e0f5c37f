import { spawn, type ChildProcess } from 'node:child_process';

/** A `next start` of the current build that a spec starts and stops itself. */
export class OwnServer {
  private process: ChildProcess | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server and resolves once /api/stats answers. */
  async start(): Promise<void> {
    // Its own process group, so stop() also ends the server that `next start` runs as a child.
    this.process = spawn('npx', ['next', 'start', '-p', String(this.port)], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, OTEL_SERVICE_NAME: 'meterboard-restart' },
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.url}/api/stats`)).ok) return;
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
