import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A `next start` of the current build (or of the app in `cwd`; `next dev` with `command: 'dev'`)
 * that a spec starts and stops itself, with its own environment.
 */
export class OwnServer {
  private process: ChildProcess | undefined;
  private log = '';
  /** Date.now() when start() was last called. */
  startedAt = 0;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
    private readonly cwd?: string,
    private readonly command: 'start' | 'dev' = 'start',
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything the server has written to stdout and stderr since it was started. */
  get output(): string {
    return this.log;
  }

  /**
   * Starts the server and resolves once this process said it is ready and answers HTTP (with any
   * status: access control may refuse); rejects if it exits first, e.g. because the port is taken.
   */
  async start(timeoutMs = 60_000): Promise<void> {
    this.log = '';
    this.startedAt = Date.now();
    // Its own process group, so stop() also ends the server that `next start` runs as a child.
    const child = spawn('npx', ['next', this.command, '-p', String(this.port)], {
      cwd: this.cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, OTEL_SERVICE_NAME: 'meterboard-own-server', ...this.env },
    });
    this.process = child;
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`next start -p ${this.port} exited before it was ready:\n${this.log}`);
      // Next prints "Ready" once it listens: another server on the port would answer without it.
      if (this.log.includes('Ready')) {
        const answered = await fetch(`${this.url}/meterboard/api/stats`).then(() => true, () => false);
        if (answered) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`next ${this.command} -p ${this.port} did not answer within ${timeoutMs / 1000} s:\n${this.log}`);
  }

  /**
   * Asks the server to stop as a deploy does (SIGTERM to its process group) and resolves with the
   * seconds until every process of the group had exited, or rejects if one still runs after `timeoutMs`.
   */
  async terminate(timeoutMs = 30_000): Promise<number> {
    const pid = this.process?.pid;
    if (pid === undefined) throw new Error('the server is not running');
    const started = Date.now();
    process.kill(-pid, 'SIGTERM');
    // npx exits as soon as it has passed the signal on; the group is gone once `next start` has too.
    const groupAlive = () => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    while (groupAlive()) {
      if (Date.now() - started > timeoutMs) throw new Error(`still running ${timeoutMs} ms after SIGTERM:\n${this.log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.process = undefined;
    return (Date.now() - started) / 1000;
  }

  /** Stops the server and resolves once the port refuses connections. */
  async stop(): Promise<void> {
    if (this.process?.pid === undefined) return;
    process.kill(-this.process.pid, 'SIGKILL');
    this.process = undefined;
    for (;;) {
      try {
        await fetch(`${this.url}/meterboard/api/stats`);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
