#!/usr/bin/env node
// Builds the fixture host apps (e2e/fixtures/apps.mjs) the way a user adds meterboard to an app:
// `npm pack` the package, install the tarball into the app, `npx meterboard init`, `next build`.
// `node scripts/prepare-fixtures.mjs [name ...]` prepares all of them, or those named.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_APPS, FIXTURES_ROOT, fixtureDir } from '../e2e/fixtures/apps.cjs';

const CREATE_NEXT_APP = 'create-next-app@16.4.3';
// next/font/google fetches from Google at build time, which an offline machine cannot: the template's
// Geist fonts come from the `geist` package instead, local files with the same CSS variables.
const GEIST = 'geist@1.9.2';
const FIXTURE_SOURCES = new URL('../e2e/fixtures/', import.meta.url).pathname;
const PACKAGE_DIR = new URL('../packages/meterboard/', import.meta.url).pathname;

function run(command, args, options = {}) {
  const { status } = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit code ${status})${options.cwd ? ` in ${options.cwd}` : ''}`);
}

/** The tarball a user would install: `npm pack` of packages/meterboard (its prepack builds dist/). */
function pack() {
  mkdirSync(FIXTURES_ROOT, { recursive: true });
  for (const file of readdirSync(FIXTURES_ROOT)) if (file.endsWith('.tgz')) rmSync(join(FIXTURES_ROOT, file));
  run('npm', ['pack', '--silent', '--pack-destination', FIXTURES_ROOT], { cwd: PACKAGE_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(FIXTURES_ROOT).find((file) => file.startsWith('meterboard-') && file.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no meterboard-*.tgz into ${FIXTURES_ROOT}`);
  return join(FIXTURES_ROOT, tarball);
}

function createNextApp(dir) {
  run('npx', ['--yes', CREATE_NEXT_APP, dir, '--ts', '--app', '--no-tailwind', '--no-eslint', '--no-src-dir', '--no-react-compiler', '--no-cache-components', '--no-agents-md', '--no-agent-feedback', '--disable-git', '--skip-install', '--use-npm', '--import-alias', '@/*', '--yes'], {
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

function prepare(app, tarball) {
  const dir = fixtureDir(app.name);
  rmSync(dir, { recursive: true, force: true });
  if (app.source === 'create-next-app') {
    createNextApp(dir);
    run('npm', ['install', '--no-audit', '--no-fund', `next@${app.next}`, GEIST], { cwd: dir });
    if (app.overlay === undefined) {
      // The template's look before meterboard: e2e/host-create-next-app.spec.ts compares the page with it.
      run('npx', ['next', 'build', ...app.build], { cwd: dir });
      writeFileSync(join(dir, 'before-meterboard.json'), `${JSON.stringify(homePageLook(dir), null, 2)}\n`);
    }
  } else {
    cpSync(join(FIXTURE_SOURCES, app.source), dir, { recursive: true });
  }
  run('npm', ['install', '--no-audit', '--no-fund', tarball, `next@${app.next}`, ...(app.dependencies ?? [])], { cwd: dir });
  run('npx', ['meterboard', 'init'], { cwd: dir });
  if (app.overlay !== undefined) cpSync(join(FIXTURE_SOURCES, app.overlay), dir, { recursive: true });
  run('npx', ['next', 'build', ...app.build], { cwd: dir });
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
let failed = 0;
for (const [index, app] of selected.entries()) {
  const appStarted = Date.now();
  console.log(`\n▶ fixture ${index + 1} of ${selected.length}: ${app.name} (next ${app.next}${app.build.length ? `, next build ${app.build.join(' ')}` : ''}${app.standalone ? ', standalone' : ''}) in ${fixtureDir(app.name)}`);
  try {
    prepare(app, tarball);
    console.log(`✓ ${app.name} ready in ${((Date.now() - appStarted) / 1000).toFixed(0)} s`);
  } catch (error) {
    failed++;
    console.error(`✗ ${app.name}: ${error.message}`);
  }
}
console.log(`\nfixtures: ${selected.length - failed} ready, ${failed} failed, in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed === 0 ? 0 : 1);
