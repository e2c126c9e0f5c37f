import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isNextDevServer } from '../next-dev.js';

/** What meterboard reads of the running build's next.config. */
export interface BuildConfig {
  /** serverActions.allowedOrigins: hosts a server action may be posted from besides its own. */
  readonly allowedOrigins: readonly string[];
  /** Whether the server's code keeps its class names: under next dev, or a build with serverMinification off. */
  readonly keepsClassNames: boolean;
}

let config: BuildConfig | undefined;

/**
 * The running build's config as `next build` wrote it into .next/required-server-files.json (in a
 * standalone output too), read once. Unreadable (another distDir, next dev): Next's defaults.
 */
export function buildConfig(): BuildConfig {
  if (config !== undefined) return config;
  const development = isNextDevServer();
  try {
    const { config: next } = JSON.parse(readFileSync(join(process.cwd(), '.next', 'required-server-files.json'), 'utf8')) as { config?: NextConfigSubset };
    const origins = next?.experimental?.serverActions?.allowedOrigins ?? next?.serverActions?.allowedOrigins;
    config = {
      allowedOrigins: Array.isArray(origins) ? origins.filter((pattern): pattern is string => typeof pattern === 'string') : [],
      // Next minifies the server's code by default (experimental.serverMinification), renaming classes.
      keepsClassNames: development || next?.experimental?.serverMinification === false,
    };
  } catch {
    config = { allowedOrigins: [], keepsClassNames: development };
  }
  return config;
}

interface NextConfigSubset {
  experimental?: { serverActions?: { allowedOrigins?: unknown }; serverMinification?: unknown };
  serverActions?: { allowedOrigins?: unknown };
}
