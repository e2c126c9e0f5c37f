#!/usr/bin/env node
// Builds the fixture host apps (e2e/fixtures/apps.mjs) the way a user adds meterboard to an app:
// `npm pack` the package, install the tarball into the app, `npx meterboard init`, `next build`.
// `node scripts/prepare-fixtures.mjs [name ...]` prepares all of them, or those named, a few at a
// time (FIXTURE_JOBS, 3 by default): an app's installs wait on the network while another builds.
// Each line of output is prefixed with the app's name.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_APPS, FIXTURES_ROOT, fixtureDir } from '../e2e/fixtures/apps.cjs';

const CREATE_NEXT_APP = 'create-next-app@16.4.3';
// next/font/google fetches from Google at build time, which an offline machine cannot: the template's
// Geist fonts come from the `geist` package instead, local files with the same CSS variables.
const GEIST = 'geist@1.9.2';
const FIXTURE_SOURCES = new URL('../e2e/fixtures/', import.meta.url).pathname;
const PACKAGE_DIR = new URL('../packages/meterboard/', import.meta.url).pathname;

const JOBS = Math.max(1, Number(process.env.FIXTURE_JOBS) || 3);

/** Runs a command to its end, each line of its output prefixed with `[prefix]`; rejects on a non-zero exit. */
function run(prefix, command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let partial = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop();
        for (const line of lines) out.write(`[${prefix}] ${line}\n`);
      });
      stream.on('end', () => partial && out.write(`[${prefix}] ${partial}\n`));
    }
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit code ${status})${options.cwd ? ` in ${options.cwd}` : ''}`))));
  });
}

/** The tarball a user would install: `npm pack` of packages/meterboard (its prepack builds dist/). */
function pack() {
  mkdirSync(FIXTURES_ROOT, { recursive: true });
  for (const file of readdirSync(FIXTURES_ROOT)) if (file.endsWith('.tgz')) rmSync(join(FIXTURES_ROOT, file));
  const { status } = spawnSync('npm', ['pack', '--silent', '--pack-destination', FIXTURES_ROOT], { cwd: PACKAGE_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  if (status !== 0) throw new Error(`npm pack failed (exit code ${status}) in ${PACKAGE_DIR}`);
  const tarball = readdirSync(FIXTURES_ROOT).find((file) => file.startsWith('meterboard-') && file.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no meterboard-*.tgz into ${FIXTURES_ROOT}`);
  return join(FIXTURES_ROOT, tarball);
}

async function createNextApp(dir, prefix) {
  await run(prefix, 'npx', ['--yes', CREATE_NEXT_APP, dir, '--ts', '--app', '--no-tailwind', '--no-eslint', '--no-src-dir', '--no-react-compiler', '--no-cache-components', '--no-agents-md', '--no-agent-feedback', '--disable-git', '--skip-install', '--use-npm', '--import-alias', '@/*', '--yes'], {
    env: { ...process.env, CI: 'true' },
  });
  const layout = join(dir, 'app', 'layout.tsx');
  const source = readFileSync(layout, 'utf8');
  const swapped = source
    .replace('import { Geist, Geist_Mono } from "next/font/google";', 'import { GeistSans } from "geist/font/sans";\nimport { GeistMono } from "geist/font/mono";')
    .replace(/const geistSans = Geist\(\{[^}]*\}\);/, 'const geistSans = GeistSans;')
    .replace(/const geistMono = Geist_Mono\(\{[^}]*\}\);/, 'const geistMono = GeistMono;');
  if (swapped.includes('next/font/google') || !swapped.includes('GeistSans;')) throw new Error(`${CREATE_NEXT_APP}'s app/layout.tsx changed: cannot swap next/font/google for local fonts`);
  writeFileSync(layout, swapped);
}

/** The home page's title and stylesheets as `next build` prerendered them, read from the build output. */
function homePageLook(dir) {
  const html = readFileSync(join(dir, '.next', 'server', 'app', 'index.html'), 'utf8');
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]);
  const css = stylesheets.map((href) => readFileSync(join(dir, '.next', href.replace(/^\/_next\//, '')), 'utf8'));
  return { title, css };
}

async function prepare(app, tarball) {
  const log = app.name;
  const dir = fixtureDir(app.name);
  rmSync(dir, { recursive: true, force: true });
  if (app.source === 'create-next-app') {
    await createNextApp(dir, log);
    await run(log, 'npm', ['install', '--no-audit', '--no-fund', `next@${app.next}`, GEIST], { cwd: dir });
    if (app.overlay === undefined) {
      // The template's look before meterboard: e2e/host-create-next-app.spec.ts compares the page with it.
      await run(log, 'npx', ['next', 'build', ...app.build], { cwd: dir });
      writeFileSync(join(dir, 'before-meterboard.json'), `${JSON.stringify(homePageLook(dir), null, 2)}\n`);
    }
  } else {
    cpSync(join(FIXTURE_SOURCES, app.source), dir, { recursive: true });
  }
  await run(log, 'npm', ['install', '--no-audit', '--no-fund', tarball, `next@${app.next}`, ...(app.dependencies ?? [])], { cwd: dir });
  await run(log, 'npx', ['meterboard', 'init'], { cwd: dir });
  if (app.overlay !== undefined) cpSync(join(FIXTURE_SOURCES, app.overlay), dir, { recursive: true });
  await run(log, 'npx', ['next', 'build', ...app.build], { cwd: dir });
  if (app.standalone) {
    // What Next's docs say a standalone deployment copies next to server.js.
    if (existsSync(join(dir, 'public'))) cpSync(join(dir, 'public'), join(dir, '.next', 'standalone', 'public'), { recursive: true });
    cpSync(join(dir, '.next', 'static'), join(dir, '.next', 'standalone', '.next', 'static'), { recursive: true });
  }
}

const named = process.argv.slice(2);
const unknown = named.filter((name) => !FIXTURE_APPS.some((app) => app.name === name));
if (unknown.length > 0) {
  console.error(`Unknown fixture ${unknown.join(', ')}; the fixtures are ${FIXTURE_APPS.map((app) => app.name).join(', ')}.`);
  process.exit(2);
}
const selected = named.length > 0 ? FIXTURE_APPS.filter((app) => named.includes(app.name)) : FIXTURE_APPS;
const started = Date.now();
const tarball = pack();
console.log(`\nmeterboard packed: ${tarball}`);
// Two concurrent `npx create-next-app` would race to install it into npx's cache: install it once first.
if (selected.some((app) => app.source === 'create-next-app')) spawnSync('npx', ['--yes', CREATE_NEXT_APP, '--version'], { stdio: 'ignore' });
let failed = 0;
let next = 0;
async function worker() {
  while (next < selected.length) {
    const index = next++;
    const app = selected[index];
    const appStarted = Date.now();
    console.log(`\n▶ fixture ${index + 1} of ${selected.length}: ${app.name} (next ${app.next}${app.build.length ? `, next build ${app.build.join(' ')}` : ''}${app.standalone ? ', standalone' : ''}) in ${fixtureDir(app.name)}`);
    try {
      await prepare(app, tarball);
      console.log(`✓ ${app.name} ready in ${((Date.now() - appStarted) / 1000).toFixed(0)} s`);
    } catch (error) {
      failed++;
      console.error(`✗ ${app.name}: ${error.message}`);
    }
  }
}
await Promise.all(Array.from({ length: Math.min(JOBS, selected.length) }, worker));
console.log(`\nfixtures: ${selected.length - failed} ready, ${failed} failed, in ${((Date.now() - started) / 1000).toFixed(0)} s (${JOBS} at a time)`);
process.exit(failed === 0 ? 0 : 1);
