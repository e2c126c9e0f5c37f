import 'server-only';
import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible';

/** Wrong tokens one client (one X-Forwarded-For value) may try on the sign-in form per minute. */
export const WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE = 10;
/** Wrong tokens all clients together may try per minute: a client that changes its address each time. */
export const WRONG_SIGN_INS_PER_MINUTE = 100;
/** Seconds between two log lines about refused credentials. */
export const REFUSAL_LOG_INTERVAL_S = 60;

const WINDOW_S = 60;
const EVERYONE = '*';

/**
 * The sign-in form's limits and the log of refused credentials, for one process. Only wrong
 * tokens count (a right one is given back), so a browser that signs in is never slowed.
 * Bearer tokens are logged, not limited: a limit anyone can trip would lock Prometheus out, and a
 * token of 16 characters or more cannot be guessed at any rate HTTP allows.
 */
export class SignInAttempts {
  private readonly perClient = new RateLimiterMemory({ points: WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE, duration: WINDOW_S });
  private readonly everyone = new RateLimiterMemory({ points: WRONG_SIGN_INS_PER_MINUTE, duration: WINDOW_S });
  private readonly unlogged = { 'sign-in': 0, bearer: 0, limited: 0 };
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly log: (line: string) => void = (line) => console.warn(`[meterboard] ${line}`)) {}

  /**
   * Counts an attempt of `client` before its token is checked (so that a burst of concurrent
   * attempts cannot all slip through): the seconds it must wait when that is over a limit, and the
   * token must then go unchecked; 0 when it may be checked.
   */
  async attempt(client: string): Promise<number> {
    // The overall limit first: once it is reached, no new client is remembered (memory stays bounded).
    const overall = await consumed(this.everyone, EVERYONE);
    const own = overall > 0 ? 0 : await consumed(this.perClient, client);
    if (own > 0) await this.everyone.reward(EVERYONE);
    const waitMs = Math.max(overall, own);
    if (waitMs > 0) this.count('limited');
    return Math.ceil(waitMs / 1000);
  }

  /** The token of `client`'s attempt was right: the attempt does not count. */
  async rightToken(client: string): Promise<void> {
    await Promise.all([this.everyone.reward(EVERYONE), this.perClient.reward(client)]);
  }

  /** The token of an attempt was wrong: it keeps counting, and is logged. */
  wrongToken(): void {
    this.count('sign-in');
  }

  /** Counts a request that sent a wrong bearer token (logged only). */
  wrongBearer(): void {
    this.count('bearer');
  }

  // The first refusal is logged at once, the ones after it summed up at most once per interval.
  private count(kind: keyof SignInAttempts['unlogged']): void {
    this.unlogged[kind]++;
    if (this.flushTimer === undefined) this.flushAndWait();
  }

  // Logs what was counted and waits an interval before the next line; an interval without refusals ends the wait.
  private flushAndWait(): void {
    if (!this.flush()) {
      this.flushTimer = undefined;
      return;
    }
    this.flushTimer = setTimeout(() => this.flushAndWait(), REFUSAL_LOG_INTERVAL_S * 1000);
    this.flushTimer.unref?.();
  }

  private flush(): boolean {
    const { 'sign-in': signIns, bearer, limited } = this.unlogged;
    const parts = [
      signIns > 0 && `${signIns} wrong token${signIns === 1 ? '' : 's'} on the sign-in form`,
      bearer > 0 && `${bearer} wrong bearer token${bearer === 1 ? '' : 's'}`,
      limited > 0 &&
        `${limited} sign-in${limited === 1 ? '' : 's'} refused unchecked (over ${WRONG_SIGN_INS_PER_CLIENT_PER_MINUTE} wrong tokens a minute from one client, or ${WRONG_SIGN_INS_PER_MINUTE} from all)`,
    ].filter(Boolean);
    this.unlogged['sign-in'] = this.unlogged.bearer = this.unlogged.limited = 0;
    if (parts.length === 0) return false;
    this.log(`access refused: ${parts.join('; ')}; the next such line comes ${REFUSAL_LOG_INTERVAL_S} s later at the earliest.`);
    return true;
  }
}

// Milliseconds until `limiter` takes another point from `key`, after taking one now; 0 when it took it.
async function consumed(limiter: RateLimiterMemory, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (refusal) {
    if (refusal instanceof Error) throw refusal;
    return Math.max(1, (refusal as RateLimiterRes).msBeforeNext);
  }
}

// On globalThis: the sign-in action and the JSON endpoints run in different route bundles.
const ATTEMPTS_KEY = Symbol.for('meterboard.signInAttempts');
type AttemptsGlobal = typeof globalThis & { [ATTEMPTS_KEY]?: SignInAttempts };

/** This process's SignInAttempts. */
export function signInAttempts(): SignInAttempts {
  return ((globalThis as AttemptsGlobal)[ATTEMPTS_KEY] ??= new SignInAttempts());
}
