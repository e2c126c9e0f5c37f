#!/usr/bin/env node
// Builds dist/: tsc compiles src/ (ESM + .d.ts, 'use client' and 'use server' directives kept, since
// each file stays a module of its own), then the dashboard's stylesheet is copied next to its importer.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const here = new URL('.', import.meta.url).pathname;
rmSync(`${here}dist`, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status } = spawnSync(process.execPath, [tsc, '-p', `${here}tsconfig.json`], { stdio: 'inherit' });
if (status !== 0) process.exit(status ?? 1);
cpSync(`${here}src/dashboard/meterboard.css`, `${here}dist/dashboard/meterboard.css`);
chmodSync(`${here}dist/init/cli.js`, 0o755);
