import 'server-only';
import type { IncomingMessage } from 'node:http';
/** A server action as its module declares it. */
export interface ServerActionName {
    /** The export that implements it (`createOrderAction`); an inline action is `$$RSC_SERVER_ACTION_<n>`. */
    readonly name: string;
    /** Its source file, relative to the project root (`lib/orders/actions.ts`). */
    readonly file: string;
}
/**
 * The id a request asks Next to run as a server action (a POST with a Next-Action header), or
 * undefined. Raw client input: resolve it with serverActionName, never record it.
 */
export declare function serverActionIdOf(request: IncomingMessage): string | undefined;
/**
 * The server action an id names in the running build, or undefined when the build has no such
 * action (a stale or forged id) or Next's manifest is not where it used to be. Never throws.
 */
export declare function serverActionName(actionId: string): ServerActionName | undefined;
