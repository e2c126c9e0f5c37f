// No 'server-only': `npx meterboard init` reads the version too, in plain Node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The Next versions whose internals (request meta, server action manifests) meterboard reads and the version fixtures check. */
export const SUPPORTED_NEXT = '15.5 and 16.x';

/** Whether meterboard knows where `version` of Next keeps what it reads. */
export function isSupportedNext(version: string): boolean {
  const [major, minor] = version.split('.').map((part) => Number.parseInt(part, 10));
  return major === 16 || (major === 15 && minor >= 5);
}

/**
 * The version of next the app in `dir` runs (as Node resolves it, so in a monorepo or a standalone
 * build too), or undefined when it cannot be read.
 */
export function installedNextVersion(dir = process.cwd()): string | undefined {
  try {
    const manifest = createRequire(join(dir, 'package.json')).resolve('next/package.json');
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
