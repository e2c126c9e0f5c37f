import 'server-only';
import type { Session } from './token.js';

// Sign-outs remembered per process before the oldest is replaced by a cut-off (see revoke).
const MAX_REVOKED = 10_000;

/**
 * The sessions signed out on this instance, until they would have expired anyway. Bounded: when
 * full, the session issued first gives way to a cut-off that refuses every session issued no later
 * than it, so a sign-out is never forgotten; at worst the sessions older than every remembered
 * sign-out end with it.
 */
export class RevokedSessions {
  private readonly issuedAtById = new Map<string, number>();
  private issuedNoLaterThanS = 0;

  /** Ends `session` on this instance. `nowS` and `maxAgeS` let expired entries go. */
  revoke(session: Session, nowS: number, maxAgeS: number): void {
    if (this.issuedAtById.size >= MAX_REVOKED) {
      for (const [id, issuedAtS] of this.issuedAtById) if (issuedAtS + maxAgeS < nowS) this.issuedAtById.delete(id);
    }
    if (this.issuedAtById.size >= MAX_REVOKED) {
      // A scan, only when full: sign-outs are rare, and the list then holds a lifetime of them.
      const oldestIssuedAtS = Math.min(...this.issuedAtById.values());
      this.issuedNoLaterThanS = Math.max(this.issuedNoLaterThanS, oldestIssuedAtS);
      for (const [id, issuedAtS] of this.issuedAtById) if (issuedAtS <= this.issuedNoLaterThanS) this.issuedAtById.delete(id);
    }
    if (!this.has(session)) this.issuedAtById.set(session.id, session.issuedAtS);
  }

  /** True when `session` was signed out on this instance. */
  has(session: Session): boolean {
    return session.issuedAtS <= this.issuedNoLaterThanS || this.issuedAtById.has(session.id);
  }
}

// On globalThis: the sign-out action and the JSON endpoints run in different route bundles.
const REVOKED_KEY = Symbol.for('meterboard.revokedSessions');
type RevokedGlobal = typeof globalThis & { [REVOKED_KEY]?: RevokedSessions };

/** This process's signed-out sessions. */
export function revokedSessions(): RevokedSessions {
  return ((globalThis as RevokedGlobal)[REVOKED_KEY] ??= new RevokedSessions());
}
