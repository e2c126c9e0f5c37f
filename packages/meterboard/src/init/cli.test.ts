import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

let root: string;
const savedArgv = process.argv;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'meterboard-init-'));
});

afterEach(() => {
  process.argv = savedArgv;
  process.exitCode = undefined;
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

function write(file: string, content: string): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
}

function files(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [path.relative(root, full).split(path.sep).join('/')];
  });
}

/** Runs `meterboard ...args` as the bin does (cli.ts runs main on import), capturing its output. */
async function run(...args: string[]): Promise<{ code: number | string | null | undefined; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void stdout.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void stderr.push(parts.join(' ')));
  process.argv = ['node', 'meterboard', ...args];
  process.exitCode = undefined;
  vi.resetModules();
  await import('./cli.js');
  const code = process.exitCode;
  process.exitCode = undefined;
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

function tsApp(): void {
  write('app/page.tsx', 'export default function Page() {\n  return null;\n}\n');
  write('tsconfig.json', '{}\n');
}

describe('meterboard init', () => {
  test('in a fresh app: writes the files, lists them, exits 0', async () => {
    tsApp();
    const { code, stdout, stderr } = await run('init', '--cwd', root);

    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(files().sort()).toEqual(
      [
        'app/page.tsx',
        'tsconfig.json',
        'instrumentation.ts',
        'app/metrics/route.ts',
        'app/meterboard/[[...path]]/page.tsx',
        'app/meterboard/api/[...path]/route.ts',
        'proxy.ts',
      ].sort(),
    );
    expect(stdout).toContain(`meterboard init in ${root} (app/, TypeScript)`);
    expect(stdout).toContain('created  instrumentation.ts');
    expect(stdout).toContain('created  proxy.ts');
    expect(stdout).toContain('Done.');
  });

  test('run twice: the second run says unchanged for every file and exits 0', async () => {
    tsApp();
    await run('init', '--cwd', root);
    const { code, stdout } = await run('init', '--cwd', root);

    expect(code).toBe(0);
    expect(stdout).not.toMatch(/created|edited/);
    expect(stdout.match(/^unchanged /gm)).toHaveLength(5);
  });

  test('--dry-run writes nothing and prints the content it would write', async () => {
    write('app/page.js', 'export default function Page() { return null; }\n');
    const { code, stdout } = await run('init', '--dry-run', '--cwd', root);

    expect(code).toBe(0);
    expect(files()).toEqual(['app/page.js']);
    expect(stdout).toContain(`meterboard init --dry-run in ${root} (app/, JavaScript)`);
    expect(stdout).toContain('would create  instrumentation.js');
    expect(stdout).toContain("    │ export { register, onRequestError } from 'meterboard/register';");
    expect(stdout).not.toContain('Done.');
  });

  test('a change to make by hand: prints TO DO with the lines, exits 1, still writes the rest', async () => {
    tsApp();
    const instrumentation = "export { register } from './otel';\n";
    write('instrumentation.ts', instrumentation);
    const { code, stdout, stderr } = await run('init', '--cwd', root);

    expect(code).toBe(1);
    expect(stdout).toContain("TO DO  instrumentation.ts has no `export (async) function register()`");
    expect(stdout).toContain("import { register as registerMeterboard } from 'meterboard/register';");
    expect(stderr).toContain('1 change above must be made by hand (TO DO); then run init again.');
    expect(fs.readFileSync(path.join(root, 'instrumentation.ts'), 'utf8')).toBe(instrumentation);
    expect(fs.existsSync(path.join(root, 'app/metrics/route.ts'))).toBe(true);
  });

  test("an optional change (the app's own proxy.ts) does not fail init", async () => {
    tsApp();
    write('proxy.ts', "export function proxy() {}\n");
    const { code, stdout } = await run('init', '--cwd', root);

    expect(code).toBe(0);
    expect(stdout).toContain('optional  proxy.ts is your own');
  });

  test('no app/ or src/app/: exits 1 and says why', async () => {
    write('pages/index.js', 'export default function Page() { return null; }\n');
    const { code, stderr } = await run('init', '--cwd', root);

    expect(code).toBe(1);
    expect(stderr).toContain(`No app/ or src/app/ directory in ${root}`);
    expect(files()).toEqual(['pages/index.js']);
  });
});

describe('usage', () => {
  test.each([
    [[], 'No command given.'],
    [['setup'], 'Unknown command "setup".'],
    [['init', 'now'], 'Unknown command "init now".'],
    [['init', '--force'], "Unknown option '--force'"],
  ])('meterboard %j: exits 2 with the usage', async (args, message) => {
    const { code, stderr } = await run(...args, '--cwd', root);

    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: npx meterboard init [--dry-run] [--cwd <dir>]');
    expect(files()).toEqual([]);
  });

  test('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await run('--help');

    expect(code).toBe(0);
    expect(stdout).toContain('Usage: npx meterboard init [--dry-run] [--cwd <dir>]');
  });
});
