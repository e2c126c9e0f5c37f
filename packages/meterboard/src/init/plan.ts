// What `npx meterboard init` does to an app, decided from the files alone: a list of steps, each
// writing a file that is missing, editing instrumentation's register(), leaving a file as it is, or
// saying what the user must do by hand. Applying the steps is apply.ts; this file writes nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { installedNextVersion } from '../next-version.js';

/** One thing init does, or would do with --dry-run. */
export type Step =
  /** A file that is missing, written whole. */
  | { kind: 'create'; path: string; content: string; why: string }
  /** An existing file with meterboard's lines added. */
  | { kind: 'edit'; path: string; content: string; why: string }
  /** A file that already holds what meterboard needs. */
  | { kind: 'unchanged'; path: string; why: string }
  /** A change init does not make itself, with the exact lines to add; `required` ones make init fail. */
  | { kind: 'manual'; path: string; instructions: string; required: boolean };

/** What init found out about the app. */
export interface AppLayout {
  /** The folder holding app/: the root, or src/ in a src/ layout. */
  sourceDir: string;
  /** app/ or src/app/, relative to the root. */
  appDir: string;
  /** TypeScript (tsconfig.json) or JavaScript. */
  typescript: boolean;
  /** The major version of next installed, when it could be read. */
  nextMajor: number | undefined;
}

/** The one-line re-exports init writes, by file (relative to app/). */
export function routeFiles(typescript: boolean): Array<{ file: string; content: string; why: string }> {
  const ts = typescript ? 'ts' : 'js';
  const tsx = typescript ? 'tsx' : 'jsx';
  return [
    {
      file: `metrics/route.${ts}`,
      content: "export { GET, OPTIONS, POST, PUT, PATCH, DELETE } from 'meterboard/metrics';\n",
      why: 'the Prometheus scrape endpoint, /metrics',
    },
    {
      file: `meterboard/[[...path]]/page.${tsx}`,
      content: "export { default, generateMetadata } from 'meterboard/dashboard';\n",
      why: 'the dashboard, /meterboard',
    },
    {
      file: `meterboard/api/[...path]/route.${ts}`,
      content: "export { GET, OPTIONS, POST, PUT, PATCH, DELETE } from 'meterboard/api';\n",
      why: "the dashboard's JSON endpoints, /meterboard/api",
    },
  ];
}

const REGISTER_IMPORT = "import { register as registerMeterboard } from 'meterboard/register';";
const REGISTER_CALL = 'await registerMeterboard();';
const ON_REQUEST_ERROR_EXPORT = "export { onRequestError } from 'meterboard/register';";
const ON_REQUEST_ERROR_COMMENT =
  '// Every error a request fails with, for the dashboard (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation#onrequesterror-optional).';
/** The instrumentation file init writes when the app has none. */
export const INSTRUMENTATION_FILE =
  "// Runs once per server process when it starts, and hears of every error a request fails with\n" +
  '// (https://nextjs.org/docs/app/guides/instrumentation).\n' +
  "export { register, onRequestError } from 'meterboard/register';\n";
// What an instrumentation.ts that sets up metrics itself mentions (@vercel/otel's metricReaders, the NodeSDK's, an SDK MeterProvider).
const BUILDS_METER_PROVIDER = /\b(?:new MeterProvider|NodeSDK|metricReaders?|setGlobalMeterProvider)\b/;
const INSTRUMENTATION_NAMES = ['instrumentation.ts', 'instrumentation.js', 'instrumentation.mjs'];

/** Reads the app at `root`; undefined when it has no App Router directory (app/ or src/app/). */
export function detectLayout(root: string): AppLayout | undefined {
  // Next ignores src/app when app/ exists at the root.
  const sourceDir = existsSync(join(root, 'app')) ? '' : existsSync(join(root, 'src', 'app')) ? 'src' : undefined;
  if (sourceDir === undefined) return undefined;
  return {
    sourceDir,
    appDir: sourceDir === '' ? 'app' : 'src/app',
    typescript: existsSync(join(root, 'tsconfig.json')),
    // Resolved as the app resolves it: in a monorepo, next is often installed at the workspace's root.
    nextMajor: Number.parseInt(installedNextVersion(root) ?? '', 10) || undefined,
  };
}

/** Every step init takes for the app at `root` with `layout`. */
export function planInit(root: string, layout: AppLayout): Step[] {
  const steps: Step[] = [instrumentationStep(root, layout)];
  for (const { file, content, why } of routeFiles(layout.typescript)) {
    const path = join(layout.appDir, file);
    steps.push(routeFileStep(root, path, content, why));
  }
  const rootLayout = rootLayoutStep(root, layout);
  if (rootLayout) steps.push(rootLayout);
  steps.push(proxyStep(root, layout));
  return steps;
}

// An app whose root layouts sit deeper (app/[locale]/layout.tsx, one per route group) has none above
// app/meterboard/: Next refuses to build a page without one, so the dashboard gets its own.
function rootLayoutStep(root: string, layout: AppLayout): Step | undefined {
  const isLayout = (name: string) => /^layout\.(tsx|jsx|ts|js)$/.test(name);
  const appDir = join(root, layout.appDir);
  if (readdirSync(appDir).some(isLayout)) return undefined;
  const deeper = readdirSync(appDir, { withFileTypes: true }).some(
    (entry) => entry.isDirectory() && entry.name !== 'meterboard' && readdirSync(join(appDir, entry.name)).some(isLayout),
  );
  if (!deeper) return undefined;
  const path = join(layout.appDir, 'meterboard', `layout.${layout.typescript ? 'tsx' : 'jsx'}`);
  if (existsSync(join(root, path))) return { kind: 'unchanged', path, why: "the dashboard's root layout (the app has none at its root)" };
  const props = layout.typescript ? '{ children }: { children: React.ReactNode }' : '{ children }';
  return {
    kind: 'create',
    path,
    content: `// The dashboard's root layout: the app's root layouts are deeper in app/, none is above this folder.
export default function MeterboardLayout(${props}) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
    why: "the dashboard's root layout (the app has none at its root)",
  };
}

function routeFileStep(root: string, path: string, content: string, why: string): Step {
  // The same route in the other language counts as there (app/metrics/route.js in a TS app).
  const existing = [path, path.replace(/\.tsx?$/, (extension) => (extension === '.ts' ? '.js' : '.jsx')), path.replace(/\.jsx?$/, (extension) => (extension === '.js' ? '.ts' : '.tsx'))]
    .filter((candidate, index, all) => all.indexOf(candidate) === index)
    .find((candidate) => existsSync(join(root, candidate)));
  if (existing === undefined) return { kind: 'create', path, content, why };
  const current = readFileSync(join(root, existing), 'utf8');
  // Whatever quotes and semicolons a formatter gave it since.
  const entry = /from '(meterboard\/[a-z]+)'/.exec(content)?.[1];
  if (entry !== undefined && new RegExp(`from\\s*['"]${entry}['"]`).test(current)) return { kind: 'unchanged', path: existing, why };
  return {
    kind: 'manual',
    path: existing,
    required: true,
    instructions:
      `${existing} already exists and is not meterboard's. meterboard needs it for ${why}.\n` +
      `Move your route elsewhere and run init again, or put meterboard's in another folder (see the README, "Other paths") with:\n  ${content.trim()}`,
  };
}

function instrumentationStep(root: string, layout: AppLayout): Step {
  const dir = layout.sourceDir;
  const existing = INSTRUMENTATION_NAMES.map((name) => join(dir, name)).find((path) => existsSync(join(root, path)));
  if (existing === undefined) {
    return {
      kind: 'create',
      path: join(dir, layout.typescript ? 'instrumentation.ts' : 'instrumentation.js'),
      content: INSTRUMENTATION_FILE,
      why: 'starts meterboard when the server starts, and reads the errors requests fail with',
    };
  }
  const source = readFileSync(join(root, existing), 'utf8');
  const started = source.includes("'meterboard/register'") || source.includes('"meterboard/register"');
  // An app with a MeterProvider of its own: meterboard joins it (a reader the app adds, register()
  // after it), which only the app's author can place; started first, meterboard's provider would win.
  const provider = started ? undefined : meterProviderBuiltBy(root, existing, source);
  if (provider !== undefined) {
    return {
      kind: 'manual',
      path: existing,
      required: true,
      instructions:
        `${existing} builds a MeterProvider of its own (${provider}). Let meterboard read it instead of starting a second one\n` +
        `(OpenTelemetry JS SDK 2.x: @vercel/otel 2, @opentelemetry/sdk-node 0.200 or later):\n` +
        `  import { meterboardMetricReader, register as registerMeterboard } from 'meterboard/register';\n` +
        `  // among your provider's readers, in the Node.js runtime only (it throws in the edge runtime):\n` +
        `  //   if (process.env.NEXT_RUNTIME === 'nodejs') registerOTel({ ..., metricReaders: [await meterboardMetricReader()] });\n` +
        `  // or new NodeSDK({ ..., metricReaders: [await meterboardMetricReader(), ...] }); then, after it is registered:\n` +
        `  ${REGISTER_CALL}\n` +
        `and, for the Errors panel, unless you export an onRequestError of your own (then call meterboard's from it):\n` +
        `  ${ON_REQUEST_ERROR_EXPORT}`,
    };
  }
  const registered = started ? source : addToRegister(source);
  if (registered === undefined) {
    return {
      kind: 'manual',
      path: existing,
      required: true,
      instructions:
        `${existing} has no \`export (async) function register()\` that init can add to. Add these lines:\n` +
        `  ${REGISTER_IMPORT}          (at the top)\n` +
        `  ${REGISTER_CALL}                                  (first thing in register(), which must be async)\n` +
        `  ${ON_REQUEST_ERROR_EXPORT}          (unless you export an onRequestError of your own: then call meterboard's from it)`,
    };
  }
  const withErrors = addOnRequestError(registered);
  if (withErrors === undefined) {
    // The app reports errors itself (Sentry's captureRequestError, its own): meterboard's joins in from there.
    return {
      kind: 'manual',
      path: existing,
      required: false,
      instructions:
        (started ? '' : `Add meterboard to your register() as init would have:\n  ${REGISTER_IMPORT}\n  ${REGISTER_CALL}\n`) +
        `${existing} exports an onRequestError of its own. For the dashboard's Errors panel, call meterboard's from it:\n` +
        `  import { onRequestError as meterboardOnRequestError } from 'meterboard/register';\n` +
        `  meterboardOnRequestError(error, request, context);            (first thing in your onRequestError)`,
    };
  }
  if (withErrors === source) return { kind: 'unchanged', path: existing, why: 'starts meterboard when the server starts' };
  const why = [started ? undefined : 'starts meterboard inside your register()', withErrors === registered ? undefined : 'reads the errors requests fail with'];
  return { kind: 'edit', path: existing, content: withErrors, why: why.filter(Boolean).join(', and ') };
}

/**
 * `source` exporting meterboard's onRequestError: unchanged when it already does, undefined when it
 * exports an onRequestError of its own (which the user makes call meterboard's).
 */
export function addOnRequestError(source: string): string | undefined {
  const code = source.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
  // Exported or imported from meterboard (an onRequestError of the app's that calls it).
  if (/\{[^}]*\bonRequestError\b[^}]*\}\s*from\s*['"]meterboard\/register['"]/.test(code)) return source;
  if (/\bonRequestError\b/.test(code)) return undefined;
  const reexport = /export\s*\{\s*register\s*\}\s*from\s*(['"])meterboard\/register\1/;
  if (reexport.test(source)) return source.replace(reexport, (_, quote: string) => `export { register, onRequestError } from ${quote}meterboard/register${quote}`);
  return `${source.endsWith('\n') ? source : `${source}\n`}\n${ON_REQUEST_ERROR_COMMENT}\n${ON_REQUEST_ERROR_EXPORT}\n`;
}

/**
 * What in `source` (the instrumentation file at `path`), or in a file it imports by a relative path
 * (Next's docs put the NodeSDK in instrumentation.node.ts), builds a MeterProvider; undefined if nothing.
 */
function meterProviderBuiltBy(root: string, path: string, source: string): string | undefined {
  const own = BUILDS_METER_PROVIDER.exec(source)?.[0];
  if (own !== undefined) return own;
  for (const [, specifier] of source.matchAll(/(?:from\s*|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const base = join(root, dirname(path), specifier);
    const file = ['', '.ts', '.js', '.mjs', '.tsx', '/index.ts', '/index.js'].map((suffix) => base + suffix).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    const found = file === undefined ? undefined : BUILDS_METER_PROVIDER.exec(readFileSync(file, 'utf8'))?.[0];
    if (found !== undefined) return `${found}, in ${specifier}`;
  }
  return undefined;
}

/**
 * `source` with meterboard's import at the top and its call first in `register()`; undefined when
 * there is no plain `export function register` / `export async function register` declaration to
 * edit (an arrow function, a re-export, several candidates), which the user then edits by hand.
 */
export function addToRegister(source: string): string | undefined {
  const declarations = [...source.matchAll(/^export\s+(async\s+)?function\s+register\s*\([^)]*\)\s*(?::\s*[^{]+)?\{[ \t]*\n?/gm)];
  if (declarations.length !== 1) return undefined;
  const [declaration] = declarations;
  const isAsync = declaration[1] !== undefined;
  const bodyStart = declaration.index + declaration[0].length;
  const header = isAsync ? declaration[0] : declaration[0].replace(/^export\s+function/, 'export async function').replace(/:\s*void\s*\{/, ': Promise<void> {');
  const indent = /^([ \t]+)\S/m.exec(source.slice(bodyStart))?.[1] ?? '  ';
  const withCall = `${source.slice(0, declaration.index)}${header}${declaration[0].endsWith('\n') ? '' : '\n'}${indent}${REGISTER_CALL}\n${source.slice(bodyStart)}`;
  return insertImport(withCall, REGISTER_IMPORT);
}

// After the file's leading comments, directives and imports, where a reader looks for imports. A
// leading comment counts when a blank line or an import follows it (one directly above the code is
// that code's doc comment, and stays on it); pragmas such as // @ts-check only work above all code.
function insertImport(source: string, line: string): string {
  const lines = source.split('\n');
  let insertAt = 0;
  let seenImport = false;
  let commentEnd: number | undefined;
  let inBlockComment = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].trim();
    if (inBlockComment) {
      if (text.includes('*/')) [inBlockComment, commentEnd] = [false, i + 1];
    } else if (/^import\s/.test(text) || /^['"]use [a-z]+['"];?$/.test(text)) {
      insertAt = i + 1;
      // A multi-line import ends at the line with its `from`.
      while (insertAt < lines.length && !/from\s+['"]|^import\s+['"]/.test(lines[insertAt - 1])) insertAt++;
      // Go on after the whole import, so the lines inside it are not taken for code.
      i = insertAt - 1;
      seenImport = true;
    } else if (text.startsWith('/*')) {
      inBlockComment = !text.includes('*/');
      if (!inBlockComment) commentEnd = i + 1;
    } else if (text.startsWith('//')) {
      commentEnd = i + 1;
    } else if (text === '') {
      if (!seenImport && commentEnd !== undefined) insertAt = commentEnd;
    } else {
      break;
    }
  }
  lines.splice(insertAt, 0, line);
  return lines.join('\n');
}

function proxyStep(root: string, layout: AppLayout): Step {
  // Next 16 calls it proxy.ts; 15 only knows middleware.ts (16 still reads it, deprecated).
  const names = ['proxy.ts', 'proxy.js', 'middleware.ts', 'middleware.js'].map((name) => join(layout.sourceDir, name));
  const existing = names.find((path) => existsSync(join(root, path)));
  const usesNext15 = layout.nextMajor !== undefined && layout.nextMajor < 16;
  const file = join(layout.sourceDir, `${usesNext15 ? 'middleware' : 'proxy'}.${layout.typescript ? 'ts' : 'js'}`);
  const exportName = usesNext15 ? 'middleware' : 'proxy';
  if (existing === undefined) {
    return {
      kind: 'create',
      path: file,
      content: proxySource(exportName, layout.typescript),
      why: "the Content-Security-Policy and security headers of the dashboard's pages",
    };
  }
  const source = readFileSync(join(root, existing), 'utf8');
  if (source.includes('meterboard/proxy')) return { kind: 'unchanged', path: existing, why: "the dashboard's security headers" };
  // The function the user's own file exports: a middleware.ts keeps `middleware` under Next 16 too.
  const ownExportName = basename(existing).startsWith('middleware') ? 'middleware' : 'proxy';
  return {
    kind: 'manual',
    path: existing,
    required: false,
    instructions:
      `${existing} is your own, so init leaves it alone. The dashboard works without it; for its Content-Security-Policy and\n` +
      `security headers, return meterboard's response for the dashboard's pages first:\n` +
      `  import { meterboardProxy } from 'meterboard/proxy';\n` +
      `  // first line of your ${ownExportName}(request):\n` +
      `  const dashboard = meterboardProxy(request); if (dashboard) return dashboard;\n` +
      `and make sure your matcher lets /meterboard/:path* through.`,
  };
}

function proxySource(exportName: string, typescript: boolean): string {
  const signature = typescript ? `(request: NextRequest)` : '(request)';
  const imports = typescript ? "import { NextResponse, type NextRequest } from 'next/server';" : "import { NextResponse } from 'next/server';";
  return `// Gives meterboard's dashboard pages their Content-Security-Policy and security headers; other requests pass.
${imports}
import { meterboardProxy } from 'meterboard/proxy';

export function ${exportName}${signature} {
  return meterboardProxy(request) ?? NextResponse.next();
}

export const config = {
  // Every request of the dashboard's pages, prefetches too: each HTML response carries the headers.
  matcher: ['/meterboard/:path*'],
};
`;
}
