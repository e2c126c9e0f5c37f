import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { applySteps, describeStep } from './apply.js';
import { addOnRequestError, addToRegister, detectLayout, planInit, type Step } from './plan.js';

const REGISTER_IMPORT = "import { register as registerMeterboard } from 'meterboard/register';";
const REGISTER_CALL = 'await registerMeterboard();';

const INSTRUMENTATION =
  "// Runs once per server process when it starts, and hears of every error a request fails with\n// (https://nextjs.org/docs/app/guides/instrumentation).\nexport { register, onRequestError } from 'meterboard/register';\n";
// What init appends to an instrumentation file it edits.
const ON_REQUEST_ERROR_TAIL =
  "\n// Every error a request fails with, for the dashboard (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation#onrequesterror-optional).\nexport { onRequestError } from 'meterboard/register';\n";
const METRICS_ROUTE = "export { GET, OPTIONS, POST, PUT, PATCH, DELETE } from 'meterboard/metrics';\n";
const DASHBOARD_PAGE = "export { default, generateMetadata } from 'meterboard/dashboard';\n";
const API_ROUTE = "export { GET, OPTIONS, POST, PUT, PATCH, DELETE } from 'meterboard/api';\n";

const PROXY_CONFIG = `export const config = {
  // Every request of the dashboard's pages, prefetches too: each HTML response carries the headers.
  matcher: ['/meterboard/:path*'],
};
`;

function proxyTs(exportName: 'proxy' | 'middleware'): string {
  return `// Gives meterboard's dashboard pages their Content-Security-Policy and security headers; other requests pass.
import { NextResponse, type NextRequest } from 'next/server';
import { meterboardProxy } from 'meterboard/proxy';

export function ${exportName}(request: NextRequest) {
  return meterboardProxy(request) ?? NextResponse.next();
}

${PROXY_CONFIG}`;
}

function proxyJs(exportName: 'proxy' | 'middleware'): string {
  return `// Gives meterboard's dashboard pages their Content-Security-Policy and security headers; other requests pass.
import { NextResponse } from 'next/server';
import { meterboardProxy } from 'meterboard/proxy';

export function ${exportName}(request) {
  return meterboardProxy(request) ?? NextResponse.next();
}

${PROXY_CONFIG}`;
}

const PAGE = 'export default function Page() {\n  return <h1>Home</h1>;\n}\n';
const TSCONFIG = '{ "compilerOptions": { "strict": true } }\n';

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'meterboard-init-'));
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function write(file: string, content: string): void {
  const full = path.join(root, file);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
}

function read(file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

function exists(file: string): boolean {
  return fs.existsSync(path.join(root, file));
}

/** Every file under the app, by path relative to the root (with `/`), with its content. */
function allFiles(dir = root): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(files, allFiles(full));
    else files[path.relative(root, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
  }
  return files;
}

function plan(): Step[] {
  const layout = detectLayout(root);
  expect(layout).toBeDefined();
  return planInit(root, layout!);
}

/** Plans and applies init, as `npx meterboard init` does; returns the steps. */
function init(): Step[] {
  const steps = plan();
  applySteps(root, steps);
  return steps;
}

function stepFor(steps: Step[], file: string): Step {
  const step = steps.find((candidate) => candidate.path === file);
  expect(step, `a step for ${file} in ${JSON.stringify(steps.map((s) => s.path))}`).toBeDefined();
  return step!;
}

/** True when every line of `original` appears in `edited`, in the same order. */
function keepsLinesInOrder(original: string, edited: string): boolean {
  const editedLines = edited.split('\n');
  let at = 0;
  for (const line of original.split('\n')) {
    const found = editedLines.indexOf(line, at);
    if (found === -1) return false;
    at = found + 1;
  }
  return true;
}

function tsApp(): void {
  write('app/page.tsx', PAGE);
  write('tsconfig.json', TSCONFIG);
}

describe('an app with nothing of meterboard', () => {
  test('creates instrumentation.ts, the three route files and proxy.ts, leaving the app alone', () => {
    tsApp();
    const steps = init();

    expect(steps.map((step) => [step.kind, step.path])).toEqual([
      ['create', 'instrumentation.ts'],
      ['create', 'app/metrics/route.ts'],
      ['create', 'app/meterboard/[[...path]]/page.tsx'],
      ['create', 'app/meterboard/api/[...path]/route.ts'],
      ['create', 'proxy.ts'],
    ]);
    expect(allFiles()).toEqual({
      'app/page.tsx': PAGE,
      'tsconfig.json': TSCONFIG,
      'instrumentation.ts': INSTRUMENTATION,
      'app/metrics/route.ts': METRICS_ROUTE,
      'app/meterboard/[[...path]]/page.tsx': DASHBOARD_PAGE,
      'app/meterboard/api/[...path]/route.ts': API_ROUTE,
      'proxy.ts': proxyTs('proxy'),
    });
    expect(read('instrumentation.ts')).toContain("export { register, onRequestError } from 'meterboard/register';");
    expect(read('proxy.ts')).toMatch(/^export function proxy\(request: NextRequest\) \{$/m);
    expect(read('proxy.ts')).toContain('meterboardProxy(request)');
  });

  test('detectLayout reads a TypeScript app at the root', () => {
    tsApp();
    expect(detectLayout(root)).toEqual({ sourceDir: '', appDir: 'app', typescript: true, nextMajor: undefined });
  });
});

describe("an instrumentation.ts with the app's own register()", () => {
  test.each([
    ['two spaces', '  '],
    ['four spaces', '    '],
    ['a tab', '\t'],
  ])('async register() indented with %s: the import after the imports, the call first in register()', (_name, indent) => {
    tsApp();
    const original = [
      "import { registerOTel } from '@vercel/otel';",
      '',
      'export async function register() {',
      `${indent}registerOTel({ serviceName: 'x' });`,
      `${indent}if (process.env.NEXT_RUNTIME === 'nodejs') {`,
      `${indent}${indent}await import('./node-only');`,
      `${indent}}`,
      '}',
      '',
    ].join('\n');
    write('instrumentation.ts', original);

    const steps = init();

    expect(stepFor(steps, 'instrumentation.ts')).toMatchObject({ kind: 'edit', why: 'starts meterboard inside your register(), and reads the errors requests fail with' });
    const edited = read('instrumentation.ts');
    expect(edited).toBe(
      [
        "import { registerOTel } from '@vercel/otel';",
        REGISTER_IMPORT,
        '',
        'export async function register() {',
        `${indent}${REGISTER_CALL}`,
        `${indent}registerOTel({ serviceName: 'x' });`,
        `${indent}if (process.env.NEXT_RUNTIME === 'nodejs') {`,
        `${indent}${indent}await import('./node-only');`,
        `${indent}}`,
        '}',
      ].join('\n') + `\n${ON_REQUEST_ERROR_TAIL}`,
    );
    expect(keepsLinesInOrder(original, edited)).toBe(true);
    // The rest of init still happens.
    expect(read('app/metrics/route.ts')).toBe(METRICS_ROUTE);
    expect(read('proxy.ts')).toBe(proxyTs('proxy'));
  });

  test('a non-async register(): void becomes async, returning Promise<void>, with the call added', () => {
    tsApp();
    const original = [
      "import { registerOTel } from '@vercel/otel';",
      '',
      'export function register(): void {',
      "  registerOTel({ serviceName: 'x' });",
      '}',
      '',
    ].join('\n');
    write('instrumentation.ts', original);

    const steps = init();

    expect(stepFor(steps, 'instrumentation.ts').kind).toBe('edit');
    expect(read('instrumentation.ts')).toBe(
      [
        "import { registerOTel } from '@vercel/otel';",
        REGISTER_IMPORT,
        '',
        'export async function register(): Promise<void> {',
        `  ${REGISTER_CALL}`,
        "  registerOTel({ serviceName: 'x' });",
        '}',
      ].join('\n') + `\n${ON_REQUEST_ERROR_TAIL}`,
    );
  });

  test('a non-async register() without a return type becomes async', () => {
    tsApp();
    write('instrumentation.ts', "import { registerOTel } from '@vercel/otel';\n\nexport function register() {\n  registerOTel({ serviceName: 'x' });\n}\n");

    init();

    expect(read('instrumentation.ts')).toBe(
      `import { registerOTel } from '@vercel/otel';\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  registerOTel({ serviceName: 'x' });\n}\n${ON_REQUEST_ERROR_TAIL}`,
    );
  });

  test('instrumentation.js in a JavaScript app is edited the same way', () => {
    write('app/page.js', 'export default function Page() { return null; }\n');
    write('instrumentation.js', "import { registerOTel } from '@vercel/otel';\n\nexport async function register() {\n  registerOTel({ serviceName: 'x' });\n}\n");

    const steps = init();

    expect(stepFor(steps, 'instrumentation.js').kind).toBe('edit');
    expect(exists('instrumentation.ts')).toBe(false);
    expect(read('instrumentation.js')).toBe(
      `import { registerOTel } from '@vercel/otel';\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  registerOTel({ serviceName: 'x' });\n}\n${ON_REQUEST_ERROR_TAIL}`,
    );
  });
});

describe('an instrumentation.ts init cannot edit', () => {
  test.each([
    ['an arrow function', "import { registerOTel } from '@vercel/otel';\n\nexport const register = async () => {\n  registerOTel({ serviceName: 'x' });\n};\n"],
    ['an empty arrow function', 'export const register = async () => {};\n'],
    ['a re-export', "export { register } from './otel';\n"],
    ['two register() declarations', 'export function register() {\n  one();\n}\n\nexport async function register() {\n  two();\n}\n'],
  ])('%s: a required manual step with the exact lines, and the file unchanged', (_name, original) => {
    tsApp();
    write('instrumentation.ts', original);

    const steps = init();

    const step = stepFor(steps, 'instrumentation.ts');
    expect(step).toMatchObject({ kind: 'manual', required: true });
    const { instructions } = step as Extract<Step, { kind: 'manual' }>;
    expect(instructions).toContain('instrumentation.ts');
    expect(instructions).toContain(REGISTER_IMPORT);
    expect(instructions).toContain(REGISTER_CALL);
    expect(read('instrumentation.ts')).toBe(original);
    // The other files are still written.
    expect(read('app/metrics/route.ts')).toBe(METRICS_ROUTE);
    expect(read('app/meterboard/[[...path]]/page.tsx')).toBe(DASHBOARD_PAGE);
    expect(read('app/meterboard/api/[...path]/route.ts')).toBe(API_ROUTE);
    expect(read('proxy.ts')).toBe(proxyTs('proxy'));
  });

  test.each([
    ['the NodeSDK', "import { NodeSDK } from '@opentelemetry/sdk-node';\n\nexport async function register() {\n  new NodeSDK({ serviceName: 'x' }).start();\n}\n"],
    ["@vercel/otel's metricReaders", "import { registerOTel } from '@vercel/otel';\n\nexport async function register() {\n  registerOTel({ serviceName: 'x', metricReaders: [reader] });\n}\n"],
    ['a MeterProvider of its own', "import { metrics } from '@opentelemetry/api';\n\nexport function register() {\n  metrics.setGlobalMeterProvider(new MeterProvider());\n}\n"],
  ])('a register() that builds %s: a required manual step to share it (the reader, then register() after), the file unchanged', (_name, original) => {
    tsApp();
    write('instrumentation.ts', original);

    const step = stepFor(init(), 'instrumentation.ts');

    expect(step).toMatchObject({ kind: 'manual', required: true });
    const { instructions } = step as Extract<Step, { kind: 'manual' }>;
    expect(instructions).toContain("import { meterboardMetricReader, register as registerMeterboard } from 'meterboard/register';");
    expect(instructions).toContain('await meterboardMetricReader()');
    expect(instructions).toContain(REGISTER_CALL);
    expect(read('instrumentation.ts')).toBe(original);
  });

  test('an instrumentation.mjs is found, not shadowed by a new instrumentation.ts', () => {
    tsApp();
    const original = 'export const register = () => {};\n';
    write('instrumentation.mjs', original);

    const steps = init();

    expect(stepFor(steps, 'instrumentation.mjs')).toMatchObject({ kind: 'manual', required: true });
    expect(exists('instrumentation.ts')).toBe(false);
    expect(read('instrumentation.mjs')).toBe(original);
  });
});

describe('a src/ layout', () => {
  test('writes under src/: src/app/..., src/instrumentation.ts, src/proxy.ts', () => {
    write('src/app/page.tsx', PAGE);
    write('tsconfig.json', TSCONFIG);

    expect(detectLayout(root)).toEqual({ sourceDir: 'src', appDir: 'src/app', typescript: true, nextMajor: undefined });
    const steps = init();

    expect(steps.map((step) => [step.kind, step.path])).toEqual([
      ['create', 'src/instrumentation.ts'],
      ['create', 'src/app/metrics/route.ts'],
      ['create', 'src/app/meterboard/[[...path]]/page.tsx'],
      ['create', 'src/app/meterboard/api/[...path]/route.ts'],
      ['create', 'src/proxy.ts'],
    ]);
    expect(allFiles()).toEqual({
      'src/app/page.tsx': PAGE,
      'tsconfig.json': TSCONFIG,
      'src/instrumentation.ts': INSTRUMENTATION,
      'src/app/metrics/route.ts': METRICS_ROUTE,
      'src/app/meterboard/[[...path]]/page.tsx': DASHBOARD_PAGE,
      'src/app/meterboard/api/[...path]/route.ts': API_ROUTE,
      'src/proxy.ts': proxyTs('proxy'),
    });
  });

  test("src/instrumentation.ts with the app's register() is edited in place", () => {
    write('src/app/page.tsx', PAGE);
    write('tsconfig.json', TSCONFIG);
    write('src/instrumentation.ts', "import { registerOTel } from '@vercel/otel';\n\nexport async function register() {\n  registerOTel({ serviceName: 'x' });\n}\n");

    const steps = init();

    expect(stepFor(steps, 'src/instrumentation.ts').kind).toBe('edit');
    expect(read('src/instrumentation.ts')).toContain(`{\n  ${REGISTER_CALL}\n  registerOTel`);
    expect(exists('instrumentation.ts')).toBe(false);
  });
});

describe('a JavaScript app', () => {
  test('writes .js/.jsx files and a proxy.js without TypeScript syntax', () => {
    const page = 'export default function Page() {\n  return <h1>Home</h1>;\n}\n';
    write('app/page.js', page);

    expect(detectLayout(root)?.typescript).toBe(false);
    const steps = init();

    expect(steps.map((step) => [step.kind, step.path])).toEqual([
      ['create', 'instrumentation.js'],
      ['create', 'app/metrics/route.js'],
      ['create', 'app/meterboard/[[...path]]/page.jsx'],
      ['create', 'app/meterboard/api/[...path]/route.js'],
      ['create', 'proxy.js'],
    ]);
    expect(allFiles()).toEqual({
      'app/page.js': page,
      'instrumentation.js': INSTRUMENTATION,
      'app/metrics/route.js': METRICS_ROUTE,
      'app/meterboard/[[...path]]/page.jsx': DASHBOARD_PAGE,
      'app/meterboard/api/[...path]/route.js': API_ROUTE,
      'proxy.js': proxyJs('proxy'),
    });
    const proxy = read('proxy.js');
    expect(proxy).not.toContain('NextRequest');
    expect(proxy).not.toMatch(/\(request:/);
    expect(proxy).not.toMatch(/import\s+type\b|[{,]\s*type\s+\w+\s*[,}]/);
    expect(proxy).not.toMatch(/\bas\s+const\b|\bsatisfies\b|<\w+>/);
  });
});

describe('running init twice', () => {
  test.each([
    ['a TypeScript app with nothing', () => tsApp()],
    [
      "a TypeScript app with its own register()",
      () => {
        tsApp();
        write('instrumentation.ts', "import { registerOTel } from '@vercel/otel';\n\nexport function register(): void {\n  registerOTel({ serviceName: 'x' });\n}\n");
      },
    ],
    ['a src/ layout', () => {
      write('src/app/page.tsx', PAGE);
      write('tsconfig.json', TSCONFIG);
    }],
    ['a JavaScript app', () => write('app/page.js', 'export default function Page() { return null; }\n')],
    ['Next 15', () => {
      tsApp();
      write('node_modules/next/package.json', '{"version":"15.5.29"}\n');
    }],
  ])('%s: the second run plans only unchanged steps and writes nothing', (_name, setUp) => {
    setUp();
    const first = init();
    expect(first.every((step) => step.kind === 'create' || step.kind === 'edit')).toBe(true);

    const before = allFiles();
    // Back-date every file, so a rewrite (even with the same content) shows in its mtime.
    const past = new Date('2001-02-03T04:05:06Z');
    for (const file of Object.keys(before)) fs.utimesSync(path.join(root, file), past, past);

    const second = plan();
    expect(second.map((step) => step.kind)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(second.map((step) => step.path)).toEqual(first.map((step) => step.path));
    applySteps(root, second);

    expect(allFiles()).toEqual(before);
    for (const file of Object.keys(before)) {
      expect(fs.statSync(path.join(root, file)).mtime.getTime(), file).toBe(past.getTime());
    }
  });
});

describe('route files that are already there', () => {
  test("the app's own app/metrics/route.ts: a required manual step naming it, and the file kept", () => {
    tsApp();
    const mine = "export function GET() {\n  return new Response('my metrics');\n}\n";
    write('app/metrics/route.ts', mine);

    const steps = init();

    const step = stepFor(steps, 'app/metrics/route.ts');
    expect(step).toMatchObject({ kind: 'manual', required: true });
    const { instructions } = step as Extract<Step, { kind: 'manual' }>;
    expect(instructions).toContain('app/metrics/route.ts');
    expect(instructions).toContain(METRICS_ROUTE.trim());
    expect(read('app/metrics/route.ts')).toBe(mine);
    // The others are created as usual.
    expect(read('app/meterboard/[[...path]]/page.tsx')).toBe(DASHBOARD_PAGE);
    expect(read('app/meterboard/api/[...path]/route.ts')).toBe(API_ROUTE);
  });

  test("the app's own route in the other language (app/metrics/route.js in a TS app) counts as there", () => {
    tsApp();
    const mine = "export function GET() {\n  return new Response('my metrics');\n}\n";
    write('app/metrics/route.js', mine);

    const steps = init();

    expect(stepFor(steps, 'app/metrics/route.js')).toMatchObject({ kind: 'manual', required: true });
    expect(read('app/metrics/route.js')).toBe(mine);
    expect(exists('app/metrics/route.ts')).toBe(false);
  });

  test("meterboard's route in the other language is unchanged, and no second copy is written", () => {
    tsApp();
    write('app/meterboard/[[...path]]/page.jsx', DASHBOARD_PAGE);

    const steps = init();

    expect(stepFor(steps, 'app/meterboard/[[...path]]/page.jsx').kind).toBe('unchanged');
    expect(exists('app/meterboard/[[...path]]/page.tsx')).toBe(false);
  });
});

describe("the app's own proxy or middleware", () => {
  test.each([
    ['proxy.ts', 'proxy'],
    ['proxy.js', 'proxy'],
    ['middleware.ts', 'middleware'],
    ['middleware.js', 'middleware'],
  ])('%s: an optional manual step, the file untouched, no second proxy written', (file, exportName) => {
    tsApp();
    const mine = `import { NextResponse } from 'next/server';\n\nexport function ${exportName}() {\n  return NextResponse.next();\n}\n`;
    write(file, mine);

    const steps = init();

    const step = stepFor(steps, file);
    expect(step).toMatchObject({ kind: 'manual', required: false });
    const { instructions } = step as Extract<Step, { kind: 'manual' }>;
    expect(instructions).toContain(file);
    expect(instructions).toContain("import { meterboardProxy } from 'meterboard/proxy';");
    expect(instructions).toContain('const dashboard = meterboardProxy(request); if (dashboard) return dashboard;');
    expect(instructions).toContain(`your ${exportName}(request)`);
    expect(read(file)).toBe(mine);
    for (const other of ['proxy.ts', 'proxy.js', 'middleware.ts', 'middleware.js'].filter((name) => name !== file)) {
      expect(exists(other), other).toBe(false);
    }
  });

  test('a proxy.ts that already uses meterboard/proxy is unchanged', () => {
    tsApp();
    write('proxy.ts', proxyTs('proxy'));

    expect(stepFor(init(), 'proxy.ts').kind).toBe('unchanged');
    expect(read('proxy.ts')).toBe(proxyTs('proxy'));
  });
});

describe('the installed Next.js version', () => {
  test('Next 15 and no proxy: creates middleware.ts exporting middleware', () => {
    tsApp();
    write('node_modules/next/package.json', '{"version":"15.5.29"}');

    expect(detectLayout(root)?.nextMajor).toBe(15);
    const steps = init();

    expect(stepFor(steps, 'middleware.ts').kind).toBe('create');
    expect(read('middleware.ts')).toBe(proxyTs('middleware'));
    expect(read('middleware.ts')).toMatch(/^export function middleware\(request: NextRequest\) \{$/m);
    expect(exists('proxy.ts')).toBe(false);
  });

  test('Next 15 in a JavaScript app: middleware.js', () => {
    write('app/page.js', 'export default function Page() { return null; }\n');
    write('node_modules/next/package.json', '{"version":"15.5.29"}');

    init();

    expect(read('middleware.js')).toBe(proxyJs('middleware'));
    expect(exists('proxy.js')).toBe(false);
  });

  test('Next 16: proxy.ts exporting proxy', () => {
    tsApp();
    write('node_modules/next/package.json', '{"version":"16.0.1"}');

    expect(detectLayout(root)?.nextMajor).toBe(16);
    init();

    expect(read('proxy.ts')).toBe(proxyTs('proxy'));
    expect(exists('middleware.ts')).toBe(false);
  });
});

describe('detectLayout', () => {
  test('no app/ or src/app/: undefined', () => {
    write('tsconfig.json', TSCONFIG);
    write('pages/index.tsx', PAGE);
    write('src/index.ts', 'export {};\n');
    expect(detectLayout(root)).toBeUndefined();
  });

  test('an empty directory: undefined', () => {
    expect(detectLayout(root)).toBeUndefined();
  });

  test('an unreadable next package.json leaves nextMajor undefined', () => {
    tsApp();
    write('node_modules/next/package.json', 'not json');
    expect(detectLayout(root)?.nextMajor).toBeUndefined();
  });
});

describe('addToRegister', () => {
  test.each<[string, string, string | undefined]>([
    [
      'two register declarations',
      'export function register() {\n  a();\n}\nexport async function register() {\n  b();\n}\n',
      undefined,
    ],
    ['no register at all', "export const config = { runtime: 'nodejs' };\n", undefined],
    ['an arrow function', 'export const register = async () => {\n  a();\n};\n', undefined],
    ['a default export', 'export default async function register() {\n  a();\n}\n', undefined],
    ['a re-export', "export { register } from './otel';\n", undefined],
    [
      'a leading comment and no imports: the comment stays above the import',
      '// Starts the telemetry of this app.\n\nexport async function register() {\n  start();\n}\n',
      `// Starts the telemetry of this app.\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  start();\n}\n`,
    ],
    [
      'a leading block comment and no imports',
      '/**\n * Starts the telemetry of this app.\n */\n\nexport async function register() {\n  start();\n}\n',
      `/**\n * Starts the telemetry of this app.\n */\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  start();\n}\n`,
    ],
    [
      'a leading comment above the imports',
      "// Starts the telemetry of this app.\nimport { start } from './start';\n\nexport async function register() {\n  start();\n}\n",
      `// Starts the telemetry of this app.\nimport { start } from './start';\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  start();\n}\n`,
    ],
    [
      "a doc comment on register() itself stays on register()",
      '/** Starts the telemetry of this app. */\nexport async function register() {\n  start();\n}\n',
      `${REGISTER_IMPORT}\n/** Starts the telemetry of this app. */\nexport async function register() {\n  ${REGISTER_CALL}\n  start();\n}\n`,
    ],
    [
      'a multi-line import block: the import goes after the whole block',
      "import {\n  registerOTel,\n  type Configuration,\n} from '@vercel/otel';\n\nexport async function register() {\n  registerOTel({ serviceName: 'x' });\n}\n",
      `import {\n  registerOTel,\n  type Configuration,\n} from '@vercel/otel';\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  registerOTel({ serviceName: 'x' });\n}\n`,
    ],
    [
      'a multi-line import block followed by more imports: after the last one',
      "import {\n  registerOTel,\n  type Configuration,\n} from '@vercel/otel';\nimport { env } from './env';\nimport './polyfills';\n\nexport async function register() {\n  registerOTel({ serviceName: env.name });\n}\n",
      `import {\n  registerOTel,\n  type Configuration,\n} from '@vercel/otel';\nimport { env } from './env';\nimport './polyfills';\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  registerOTel({ serviceName: env.name });\n}\n`,
    ],
    [
      'an empty register() body',
      'export async function register() {}\n',
      `${REGISTER_IMPORT}\nexport async function register() {\n  ${REGISTER_CALL}\n}\n`,
    ],
    [
      'a // @ts-check pragma stays the first line (TypeScript reads it only above all code)',
      "// @ts-check\n\nexport async function register() {\n  start();\n}\n",
      `// @ts-check\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  start();\n}\n`,
    ],
    [
      'a block comment with a blank line inside: the import goes after the comment, never into it',
      '/*\n  Copyright the authors.\n\n  MIT license.\n*/\n\nexport async function register() {\n  start();\n}\n',
      `/*\n  Copyright the authors.\n\n  MIT license.\n*/\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  start();\n}\n`,
    ],
    [
      'a directive, then imports',
      "'use strict';\nimport { start } from './start';\n\nexport function register() {\n  start();\n}\n",
      `'use strict';\nimport { start } from './start';\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n  start();\n}\n`,
    ],
    [
      'an async register(): Promise<void> keeps its signature',
      "import { start } from './start';\n\nexport async function register(): Promise<void> {\n    await start();\n}\n",
      `import { start } from './start';\n${REGISTER_IMPORT}\n\nexport async function register(): Promise<void> {\n    ${REGISTER_CALL}\n    await start();\n}\n`,
    ],
  ])('%s', (_name, source, expected) => {
    expect(addToRegister(source)).toBe(expected);
  });

  test('a body on the line of the brace: the call goes on its own line, before the body', () => {
    const edited = addToRegister('export async function register() { start(); }\n');
    // (Trailing blanks aside: the header keeps the space that followed its brace.)
    expect(edited?.replace(/[ \t]+\n/g, '\n')).toBe(`${REGISTER_IMPORT}\nexport async function register() {\n  ${REGISTER_CALL}\nstart(); }\n`);
  });

  test('the result of an edit is never edited again by init (it imports meterboard/register)', () => {
    tsApp();
    write('instrumentation.ts', 'export function register() {\n  start();\n}\n');
    init();
    const once = read('instrumentation.ts');
    expect(stepFor(plan(), 'instrumentation.ts').kind).toBe('unchanged');
    init();
    expect(read('instrumentation.ts')).toBe(once);
    expect(once.split(REGISTER_CALL)).toHaveLength(2);
    expect(once.split(REGISTER_IMPORT)).toHaveLength(2);
  });
});

describe('describeStep', () => {
  const create: Step = { kind: 'create', path: 'app/metrics/route.ts', content: METRICS_ROUTE, why: 'the Prometheus scrape endpoint, /metrics' };

  test('a create step in a dry run: what it would write, with every content line', () => {
    expect(describeStep(create, true)).toBe(
      "would create  app/metrics/route.ts  (the Prometheus scrape endpoint, /metrics)\n    │ export { GET, OPTIONS, POST, PUT, PATCH, DELETE } from 'meterboard/metrics';",
    );
  });

  test('a multi-line create step in a dry run lists each line of the file, in order', () => {
    const proxy: Step = { kind: 'create', path: 'proxy.ts', content: proxyTs('proxy'), why: 'headers' };
    const lines = describeStep(proxy, true).split('\n');
    expect(lines[0]).toBe('would create  proxy.ts  (headers)');
    expect(lines.slice(1)).toEqual(proxyTs('proxy').trimEnd().split('\n').map((line) => `    │ ${line}`));
  });

  test('a create step when applied: one line, no content', () => {
    expect(describeStep(create, false)).toBe('created  app/metrics/route.ts  (the Prometheus scrape endpoint, /metrics)');
  });

  test('an edit step in a dry run shows the edited file', () => {
    const edit: Step = { kind: 'edit', path: 'instrumentation.ts', content: `${REGISTER_IMPORT}\nexport async function register() {\n  ${REGISTER_CALL}\n}\n`, why: 'starts meterboard' };
    expect(describeStep(edit, true)).toBe(
      `would edit   instrumentation.ts  (starts meterboard)\n    │ ${REGISTER_IMPORT}\n    │ export async function register() {\n    │   ${REGISTER_CALL}\n    │ }`,
    );
    expect(describeStep(edit, false)).toBe('edited   instrumentation.ts  (starts meterboard)');
  });

  test('unchanged and manual steps read the same in a dry run and a real one', () => {
    const unchanged: Step = { kind: 'unchanged', path: 'proxy.ts', why: 'headers' };
    const required: Step = { kind: 'manual', path: 'instrumentation.ts', instructions: 'add two lines', required: true };
    const optional: Step = { kind: 'manual', path: 'proxy.ts', instructions: 'add one line', required: false };
    for (const dryRun of [true, false]) {
      expect(describeStep(unchanged, dryRun)).toBe('unchanged proxy.ts  (headers)');
      expect(describeStep(required, dryRun)).toBe('TO DO  add two lines');
      expect(describeStep(optional, dryRun)).toBe('optional  add one line');
    }
  });
});

describe('what init learns from the rest of the app', () => {
  test("a register() that imports the file building the NodeSDK (Next's instrumentation.node.ts): a required manual step", () => {
    tsApp();
    const original = "export async function register() {\n  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation.node');\n}\n";
    write('instrumentation.ts', original);
    write('instrumentation.node.ts', "import { NodeSDK } from '@opentelemetry/sdk-node';\n\nnew NodeSDK({}).start();\n");

    const step = stepFor(init(), 'instrumentation.ts');

    expect(step).toMatchObject({ kind: 'manual', required: true });
    expect((step as Extract<Step, { kind: 'manual' }>).instructions).toContain('NodeSDK, in ./instrumentation.node');
    expect(read('instrumentation.ts')).toBe(original);
  });

  test('route files a formatter rewrote (double quotes, no semicolon) are still meterboard\'s: a second init changes nothing', () => {
    tsApp();
    init();
    write('app/metrics/route.ts', 'export { GET, OPTIONS, POST, PUT, PATCH, DELETE } from "meterboard/metrics"\n');
    write('app/meterboard/api/[...path]/route.ts', 'export {\n  GET,\n  POST,\n  PUT,\n  PATCH,\n  DELETE,\n} from "meterboard/api"\n');

    expect(plan().filter((step) => step.kind !== 'unchanged')).toEqual([]);
  });

  test('root layouts only in route groups: the dashboard gets a root layout of its own; a root app/layout needs none', () => {
    tsApp();
    write('app/(shop)/layout.tsx', 'export default function Layout({ children }) { return <html><body>{children}</body></html>; }\n');

    const step = stepFor(init(), 'app/meterboard/layout.tsx');

    expect(step.kind).toBe('create');
    expect(read('app/meterboard/layout.tsx')).toContain('<html lang="en">');
    expect(plan().find((candidate) => candidate.path === 'app/meterboard/layout.tsx')?.kind).toBe('unchanged');
  });

  test('an app with a root layout gets no layout from init', () => {
    tsApp();
    write('app/layout.tsx', 'export default function Layout({ children }) { return <html><body>{children}</body></html>; }\n');
    init();
    expect(exists('app/meterboard/layout.tsx')).toBe(false);
  });

  test('app/ at the root wins over src/app/, as in Next', () => {
    write('app/page.tsx', PAGE);
    write('src/app/page.tsx', PAGE);
    expect(detectLayout(root)?.appDir).toBe('app');
  });

  test("the Next version is read where Node would find it (a monorepo's root node_modules)", () => {
    const app = path.join(root, 'apps', 'web');
    fs.mkdirSync(path.join(app, 'app'), { recursive: true });
    fs.writeFileSync(path.join(app, 'package.json'), '{"name":"web"}');
    write('node_modules/next/package.json', '{"name":"next","version":"15.5.29"}');
    expect(detectLayout(app)?.nextMajor).toBe(15);
  });
});

describe('onRequestError in the instrumentation file', () => {
  test("an instrumentation.ts of meterboard's first version gains onRequestError in its re-export", () => {
    tsApp();
    write('instrumentation.ts', "export { register } from 'meterboard/register';\n");

    expect(stepFor(init(), 'instrumentation.ts')).toMatchObject({ kind: 'edit', why: 'reads the errors requests fail with' });
    expect(read('instrumentation.ts')).toBe("export { register, onRequestError } from 'meterboard/register';\n");
    // And a second run leaves it.
    expect(stepFor(init(), 'instrumentation.ts').kind).toBe('unchanged');
  });

  test("an app that already calls registerMeterboard() in its register() gets the export appended", () => {
    tsApp();
    const original = `${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n}\n`;
    write('instrumentation.ts', original);

    init();

    expect(read('instrumentation.ts')).toBe(original + ON_REQUEST_ERROR_TAIL);
  });

  test("an app with its own onRequestError (Sentry's): an optional manual step to call meterboard's from it, the file unchanged", () => {
    tsApp();
    const original = `import * as Sentry from '@sentry/nextjs';\n${REGISTER_IMPORT}\n\nexport async function register() {\n  ${REGISTER_CALL}\n}\n\nexport const onRequestError = Sentry.captureRequestError;\n`;
    write('instrumentation.ts', original);

    const step = stepFor(init(), 'instrumentation.ts');

    expect(step).toMatchObject({ kind: 'manual', required: false });
    expect(step.kind === 'manual' && step.instructions).toContain('meterboardOnRequestError(error, request, context);');
    expect(read('instrumentation.ts')).toBe(original);
  });

  test('a mention in a comment is not an onRequestError of its own', () => {
    expect(addOnRequestError("// onRequestError: not yet\nexport { register } from 'meterboard/register';\n")).toBe(
      "// onRequestError: not yet\nexport { register, onRequestError } from 'meterboard/register';\n",
    );
  });
});
