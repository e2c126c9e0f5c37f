import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { serverActionIdOf, serverActionName } from './server-action.js';

const NEXT_MANIFESTS = Symbol.for('next.server.manifests');
const NEXT_15_MANIFESTS = Symbol.for('next.server.action-manifests');
type ManifestsGlobal = Record<symbol, unknown>;

// Each test uses its own ids: serverActionName caches what it found for the life of the process.
let nextId = 0;
function freshId(): string {
  return (nextId++).toString(16).padStart(42, '0');
}

function request(method: string, headers: Record<string, string | string[]>): IncomingMessage {
  return { method, headers } as unknown as IncomingMessage;
}

afterEach(() => {
  delete (globalThis as ManifestsGlobal)[NEXT_MANIFESTS];
  delete (globalThis as ManifestsGlobal)[NEXT_15_MANIFESTS];
});

describe('serverActionIdOf', () => {
  const id = '40a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

  test('the Next-Action header of a POST', () => {
    expect(serverActionIdOf(request('POST', { 'next-action': id }))).toBe(id);
  });

  test.each([
    ['a GET', request('GET', { 'next-action': id })],
    ['a POST without the header', request('POST', {})],
    ['the request Next forwards to the page holding the action', request('POST', { 'next-action': id, 'x-action-forwarded': '1' })],
  ])('undefined for %s', (_case, incoming) => {
    expect(serverActionIdOf(incoming)).toBeUndefined();
  });
});

describe('serverActionName', () => {
  // The test that fails when Next moves its manifest: it fills the singleton through Next's own code.
  test("finds an action that Next's installed manifests singleton holds", () => {
    const require = createRequire(import.meta.url);
    const { setManifestsSingleton } = require('next/dist/server/app-render/manifests-singleton.js') as {
      setManifestsSingleton: (options: { page: string; clientReferenceManifest: unknown; serverActionsManifest: unknown }) => void;
    };
    const id = freshId();
    setManifestsSingleton({
      page: '/orders/new/page',
      clientReferenceManifest: {},
      serverActionsManifest: {
        node: {
          [id]: {
            workers: { 'app/orders/new/page': { moduleId: 1, async: false } },
            filename: 'lib/orders/actions.ts',
            exportedName: 'createOrderAction',
          },
        },
        edge: {},
        encryptionKey: '',
      },
    });

    expect(serverActionName(id)).toEqual({ name: 'createOrderAction', file: 'lib/orders/actions.ts' });
    expect(serverActionName(freshId())).toBeUndefined();
  });

  test('finds an action in the singleton Next 15 keeps under its own key', () => {
    const id = freshId();
    (globalThis as ManifestsGlobal)[NEXT_15_MANIFESTS] = {
      clientReferenceManifestsPerPage: {},
      serverModuleMap: {},
      serverActionsManifest: { node: { [id]: { workers: {}, layer: {}, filename: 'app/actions.ts', exportedName: 'save' } } },
    };

    expect(serverActionName(id)).toEqual({ name: 'save', file: 'app/actions.ts' });
  });

  test('caches what it found: the same object for the same id, even after the manifest changed', () => {
    const id = freshId();
    (globalThis as ManifestsGlobal)[NEXT_MANIFESTS] = {
      serverActionsManifest: { node: { [id]: { filename: 'lib/a.ts', exportedName: 'a' } } },
    };
    const found = serverActionName(id);
    delete (globalThis as ManifestsGlobal)[NEXT_MANIFESTS];

    expect(found).toEqual({ name: 'a', file: 'lib/a.ts' });
    expect(serverActionName(id)).toBe(found);
  });

  test.each([
    ['no manifests singleton', undefined],
    ['no serverActionsManifest', {}],
    ['no node actions', { serverActionsManifest: { edge: {} } }],
    ['node actions that are not an object', { serverActionsManifest: { node: 'x' } }],
    ['an entry without exportedName', { serverActionsManifest: { node: { ID: { filename: 'lib/a.ts' } } } }],
    ['an entry without filename', { serverActionsManifest: { node: { ID: { exportedName: 'a' } } } }],
    ['an entry that is not an object', { serverActionsManifest: { node: { ID: 42 } } }],
    ['a non-string exportedName', { serverActionsManifest: { node: { ID: { filename: 'lib/a.ts', exportedName: 7 } } } }],
  ])('undefined, without throwing, with %s', (_case, manifests) => {
    const id = freshId();
    if (manifests !== undefined) {
      (globalThis as ManifestsGlobal)[NEXT_MANIFESTS] = JSON.parse(JSON.stringify(manifests).replace('"ID"', JSON.stringify(id)));
    }
    expect(serverActionName(id)).toBeUndefined();
  });

  test('undefined, without throwing, when reading the manifest throws', () => {
    (globalThis as ManifestsGlobal)[NEXT_MANIFESTS] = {
      get serverActionsManifest() {
        throw new Error('boom');
      },
    };
    expect(serverActionName(freshId())).toBeUndefined();
  });

  test.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('never resolves the inherited property %s', (id) => {
    (globalThis as ManifestsGlobal)[NEXT_MANIFESTS] = { serverActionsManifest: { node: {} } };
    expect(serverActionName(id)).toBeUndefined();
  });
});
