// A `next start` of the current build for the benchmarks: on a port, pinned to a core, with its CPU
// time read from /proc (the process and every descendant), stopped with its process group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CLOCK_TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
const PAGE_BYTES = Number(spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).stdout.trim()) || 4096;
// Indices in /proc/<pid>/stat after the command name (man 5 proc: ppid is field 4, utime 14, stime 15, rss 24).
const STAT_PPID = 1;
const STAT_UTIME = 11;
const STAT_STIME = 12;
const STAT_RSS_PAGES = 21;

/** Builds the app in `dir` (the demo by default) unless a production build is there already. */
export function ensureProductionBuild(dir = '.'): void {
  if (existsSync(`${dir}/.next/BUILD_ID`)) return;
  if (dir !== '.') throw new Error(`No production build in ${dir}: run node scripts/prepare-fixtures.mjs first (npm test does).`);
  console.log(`No production build in ${dir}/.next: running next build first.`);
  const { status } = spawnSync('npx', ['next', 'build', dir], { stdio: 'inherit' });
  if (status !== 0) throw new Error('next build failed');
}

/** Where a NextServer's app is, and the path that answers once it is ready. */
export interface NextApp {
  dir: string;
  readyPath: string;
}

/** The demo app at the repository's root. */
const DEMO_APP: NextApp = { dir: '.', readyPath: '/api/health' };

/** Pins this process (every thread) to `core`, so the load it generates stays off the server's core. */
export function pinSelf(core: number): void {
  spawnSync('taskset', ['-a', '-cp', String(core), String(process.pid)], { stdio: 'ignore' });
}

/** Garbage collections a server ran so far (node --trace-gc), by kind. */
export interface GcCounts {
  scavenges: number;
  markCompacts: number;
}

export class NextServer {
  private child: ChildProcess | undefined;
  private gc: GcCounts | undefined;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
    private readonly core = 0,
    private readonly app: NextApp = DEMO_APP,
    /** Flags for node itself, before Next's script (those NODE_OPTIONS refuses, such as --cpu-prof). */
    private readonly nodeArgs: readonly string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts `next start` on `core` and resolves once the app's ready path answers. */
  async start(): Promise<void> {
    // A fixture app runs its own Next, as its users would.
    const ownNext = join(this.app.dir, 'node_modules/next/dist/bin/next');
    const next = existsSync(ownNext) ? ownNext : 'node_modules/next/dist/bin/next';
    const traceGc = this.nodeArgs.includes('--trace-gc');
    this.child = spawn('taskset', ['-c', String(this.core), process.execPath, ...this.nodeArgs, next, 'start', this.app.dir, '-p', String(this.port)], {
      detached: true,
      stdio: ['ignore', traceGc ? 'pipe' : 'ignore', 'inherit'],
      // Public, so the scenarios read /api/stats without a token.
      env: { ...process.env, NODE_ENV: 'production', METRICS_PUBLIC: 'true', ...this.env },
    });
    if (traceGc) this.countCollections(this.child.stdout!);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.url}${this.app.readyPath}`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`next start -p ${this.port} did not answer within 60 s`);
  }

  /** The collections so far, when started with --trace-gc among its node flags; undefined otherwise. */
  gcCounts(): GcCounts | undefined {
    return this.gc && { ...this.gc };
  }

  // --trace-gc prints a line per collection on stdout: "... Scavenge 42.6 (61.4) -> 29.5 (31.7) MB, ..."
  private countCollections(stdout: NodeJS.ReadableStream): void {
    const gc: GcCounts = { scavenges: 0, markCompacts: 0 };
    this.gc = gc;
    let partial = '';
    stdout.setEncoding('utf8');
    stdout.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (line.includes(': Scavenge ')) gc.scavenges++;
        else if (line.includes(': Mark-Compact ')) gc.markCompacts++;
      }
    });
  }

  /** CPU seconds (user + system) the server and its descendants have used so far. */
  cpuSeconds(): number {
    return this.treeStats().reduce((sum, fields) => sum + Number(fields[STAT_UTIME]) + Number(fields[STAT_STIME]), 0) / CLOCK_TICKS_PER_SECOND;
  }

  /** Resident memory of the server and its descendants, bytes. */
  rssBytes(): number {
    return this.treeStats().reduce((sum, fields) => sum + Number(fields[STAT_RSS_PAGES]) * PAGE_BYTES, 0);
  }

  // The /proc/<pid>/stat fields (after the command name) of the server and every descendant.
  private treeStats(): string[][] {
    const root = this.child?.pid;
    if (root === undefined) return [];
    const byPid = new Map<number, string[]>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // The command name is in parentheses and may hold spaces: the fields start after it.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        byPid.set(Number(entry), stat.slice(stat.lastIndexOf(') ') + 2).split(' '));
      } catch {
        // The process ended in between.
      }
    }
    const tree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, fields] of byPid) {
        if (!tree.has(pid) && tree.has(Number(fields[STAT_PPID]))) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    return [...tree].filter((pid) => byPid.has(pid)).map((pid) => byPid.get(pid)!);
  }

  /** Sends `signal` to the server's process (not its group). */
  signal(signal: NodeJS.Signals): void {
    if (this.child?.pid !== undefined) process.kill(this.child.pid, signal);
  }

  /** Stops the server with SIGTERM, as a platform does, and waits for it to exit (so it writes what it writes at exit, a --cpu-prof profile); SIGKILL after 15 s. */
  async stopGracefully(): Promise<void> {
    const child = this.child;
    if (child?.pid === undefined) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') await this.stop();
    this.child = undefined;
  }

  async stop(): Promise<void> {
    if (this.child?.pid === undefined) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
    this.child = undefined;
  }
}
