import 'server-only';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultResource, detectResources, envDetector, resourceFromAttributes, } from '@opentelemetry/resources';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
// Not yet stable in semantic-conventions' main entry point.
const ATTR_SERVICE_INSTANCE_ID = 'service.instance.id';
/**
 * The process's Resource: SDK defaults, then service.name from the app's package.json, then
 * OTEL_SERVICE_NAME / OTEL_RESOURCE_ATTRIBUTES, each overriding the one before.
 */
export function createResource() {
    return defaultResource()
        .merge(resourceFromAttributes({
        [ATTR_SERVICE_NAME]: readPackageName() ?? 'unknown_service:node',
        [ATTR_SERVICE_INSTANCE_ID]: randomUUID(),
    }))
        .merge(detectResources({ detectors: [envDetector] }));
}
/** service.instance.id of a Resource: different in every process. */
export function instanceIdOf(resource) {
    return String(resource.attributes[ATTR_SERVICE_INSTANCE_ID]);
}
/** service.name of a Resource. */
export function serviceNameOf(resource) {
    return String(resource.attributes[ATTR_SERVICE_NAME]);
}
function readPackageName() {
    try {
        const manifest = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
        return typeof manifest.name === 'string' && manifest.name !== '' ? manifest.name : undefined;
    }
    catch {
        return undefined;
    }
}
