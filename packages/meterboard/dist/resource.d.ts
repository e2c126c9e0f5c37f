import 'server-only';
import { type Resource } from '@opentelemetry/resources';
/**
 * The process's Resource: SDK defaults, then service.name from the app's package.json, then
 * OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES, each overriding the one before.
 */
export declare function createResource(): Resource;
/** service.instance.id of a Resource: different in every process. */
export declare function instanceIdOf(resource: Resource): string;
/** service.name of a Resource. */
export declare function serviceNameOf(resource: Resource): string;
