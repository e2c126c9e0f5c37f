import 'server-only';
import type { IncomingMessage } from 'node:http';
import { logOnce } from '../log-once.js';
import { ErrorGroups } from './error-groups.js';
import { exceptionTypeOf } from './error-message.js';
import type { HttpServerRecorder } from './http-server-metrics.js';
import { OTHER_SERVER_ACTION } from './http-instruments.js';
import { routeTemplateOf } from './route-template.js';
import { serverActionName } from './server-action.js';

/** Most distinct exception types error.type takes; later ones are `_OTHER`, as a method past the known ones. */
export const MAX_EXCEPTION_TYPES = 50;

/** The type of an error that is only an `Error` (or a minified class without a name of its own). */
const GENERIC_ERROR_TYPE = 'Error';

/** error.type of an exception past MAX_EXCEPTION_TYPES types. */
export const OTHER_EXCEPTION_TYPE = '_OTHER';

/** The request as Next hands it to onRequestError (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation#onrequesterror-optional). */
export interface ErroredRequest {
  path: string;
  method: string;
  headers: NodeJS.Dict<string | string[]>;
}

/** What Next says about where the error happened (the same page of its docs). */
export interface RequestErrorContext {
  /** 'App Router' or 'Pages Router'. */
  routerKind: string;
  /** The route's file path, e.g. `/orders/[id]/page` or `/api/orders/route`. */
  routePath: string;
  /** 'render', 'route', 'action' or 'proxy' (15.5: 'middleware'). */
  routeType: string;
}

/**
 * Reads the errors Next reports through instrumentation.ts's onRequestError: the exception's type
 * becomes the error.type of the request's measurement (when it ends in a 5xx), and the error joins
 * its group for the dashboard's Errors panel.
 */
export class RequestErrorRecorder {
  readonly groups = new ErrorGroups();
  private readonly types = new Set<string>();

  constructor(
    private readonly http: HttpServerRecorder,
    /** Whether the server's classes keep their names (BuildConfig.keepsClassNames). */
    private readonly classNamesKept: boolean,
  ) {}

  record(error: unknown, request: Readonly<ErroredRequest> | undefined, context: Readonly<RequestErrorContext> | undefined): void {
    try {
      const errorType = this.boundedType(exceptionTypeOf(error, this.classNamesKept));
      // Next passes the Node request's own headers object for every request it routed; an error in
      // proxy.ts comes with a copy, so it is grouped under its route's file, without a method.
      const state = request?.headers === undefined ? undefined : this.http.requestStateOf(request.headers);
      if (state === undefined) {
        this.groups.record({ method: undefined, route: routeOfFile(context?.routePath), serverAction: undefined, errorType, error });
        return;
      }
      // The first error of a request is its error.type: later ones (a second failing component)
      // follow from it. A plain `Error` says no more than the status code, which error.type keeps.
      if (errorType !== GENERIC_ERROR_TYPE) state.exceptionType ??= errorType;
      const actionId = state.serverActionId;
      this.groups.record({
        method: state.attributes.method,
        route: routeTemplateOf(state.response.req as IncomingMessage),
        serverAction: actionId === undefined ? undefined : (serverActionName(actionId)?.name ?? OTHER_SERVER_ACTION),
        errorType,
        error,
      });
    } catch (failure) {
      logOnce('request-error', 'failed to record a request error; later failures are not logged', failure);
    }
  }

  private boundedType(type: string): string {
    if (this.types.has(type)) return type;
    if (this.types.size >= MAX_EXCEPTION_TYPES) return OTHER_EXCEPTION_TYPE;
    this.types.add(type);
    return type;
  }
}

// `/orders/[id]/page` → `/orders/[id]`; `/api/orders/route` → `/api/orders`; `/proxy` stays.
function routeOfFile(routePath: string | undefined): string | undefined {
  if (typeof routePath !== 'string' || routePath === '') return undefined;
  const route = routePath.replace(/\/(?:page|route)$/, '');
  return route === '' ? '/' : route;
}
