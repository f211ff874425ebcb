import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions } from '../../../infra/shared/functions.js';
import { routes } from '../../../infra/shared/routes.js';
import { createReceiver, type Delivery, listen } from '../../../scripts/events-listen.js';
import { api, eventually } from '../../helpers/system.js';
import { aTenant } from '../linking/journey.js';

/**
 * Another tenant's webhook endpoint or event answers 404 on every tenant route of the events API,
 * exactly as an unknown id does, and is left untouched. The last test checks that every such route
 * has a case here.
 */

interface EndpointJson {
  endpointId: string;
  url: string;
  eventTypes: string[];
  status: string;
  version: number;
}
interface EventJson {
  id: string;
  deliveries: { endpointId: string; attempts: number }[];
}

const owner = aTenant('events-owner');
const intruder = aTenant('events-intruder');
const received: Delivery[] = [];
let receiver: Server;
let receiverUrl = '';
let ownerEndpoint: EndpointJson & { secret: string };
let ownerEventId: string;

const register = async (tenant: string) => {
  const response = await api('/webhook-endpoints', {
    tenant,
    body: { url: receiverUrl, eventTypes: ['*'] },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as EndpointJson & { secret: string };
};

const ownerEvent = async (): Promise<EventJson> => {
  const response = await api(`/events/${ownerEventId}`, { tenant: owner });
  expect(response.status).toBe(200);
  return (await response.json()) as EventJson;
};

beforeAll(async () => {
  receiver = createReceiver({
    secrets: () => (ownerEndpoint ? [ownerEndpoint.secret] : []),
    onDelivery: (delivery) => received.push(delivery),
  });
  receiverUrl = `http://127.0.0.1:${await listen(receiver, 0)}/`;
  ownerEndpoint = await register(owner);
  const sent = await api(`/webhook-endpoints/${ownerEndpoint.endpointId}/test`, {
    tenant: owner,
    method: 'POST',
  });
  ownerEventId = ((await sent.json()) as { eventId: string }).eventId;
  // Delivered once, so a later redelivery would show as a second attempt.
  await eventually(async () => expect((await ownerEvent()).deliveries[0]?.attempts).toBe(1), {
    timeoutMs: 45_000,
  });
  // The intruder has an endpoint and an event of its own, so empty lists would not pass by accident.
  const own = await register(intruder);
  await api(`/webhook-endpoints/${own.endpointId}/test`, { tenant: intruder, method: 'POST' });
});
afterAll(() => receiver.close());

const errorCode = async (response: Response): Promise<string> =>
  ((await response.json()) as { error: { code: string } }).error.code;

const ownerEndpointUnchanged = async () => {
  const response = await api(`/webhook-endpoints/${ownerEndpoint.endpointId}`, { tenant: owner });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({
    url: ownerEndpoint.url,
    status: 'enabled',
    version: ownerEndpoint.version,
  });
};

const expectNotFound = async (response: Response, code: string) => {
  expect(response.status).toBe(404);
  expect(await errorCode(response)).toBe(code);
};

/** One case per tenant route, keyed by API Gateway route key. */
const cases: Record<string, () => Promise<void>> = {
  'POST /webhook-endpoints': async () => {
    const created = await register(intruder);
    const listed = (await (await api('/webhook-endpoints', { tenant: owner })).json()) as {
      items: EndpointJson[];
    };
    expect(listed.items.map((endpoint) => endpoint.endpointId)).toEqual([ownerEndpoint.endpointId]);
    expect(created.endpointId).not.toBe(ownerEndpoint.endpointId);
  },
  'GET /webhook-endpoints': async () => {
    const response = await api('/webhook-endpoints', { tenant: intruder });
    const body = (await response.json()) as { items: EndpointJson[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.map((endpoint) => endpoint.endpointId)).not.toContain(
      ownerEndpoint.endpointId
    );
  },
  'GET /webhook-endpoints/{endpointId}': async () => {
    await expectNotFound(
      await api(`/webhook-endpoints/${ownerEndpoint.endpointId}`, { tenant: intruder }),
      'endpoint_not_found'
    );
  },
  'PATCH /webhook-endpoints/{endpointId}': async () => {
    const response = await api(`/webhook-endpoints/${ownerEndpoint.endpointId}`, {
      tenant: intruder,
      method: 'PATCH',
      body: { status: 'disabled', url: 'https://intruder.example/hook' },
    });
    await expectNotFound(response, 'endpoint_not_found');
    await ownerEndpointUnchanged();
  },
  'DELETE /webhook-endpoints/{endpointId}': async () => {
    const response = await api(`/webhook-endpoints/${ownerEndpoint.endpointId}`, {
      tenant: intruder,
      method: 'DELETE',
    });
    await expectNotFound(response, 'endpoint_not_found');
    await ownerEndpointUnchanged();
  },
  'POST /webhook-endpoints/{endpointId}/rotate-secret': async () => {
    const response = await api(`/webhook-endpoints/${ownerEndpoint.endpointId}/rotate-secret`, {
      tenant: intruder,
      body: { graceSeconds: 0 },
    });
    await expectNotFound(response, 'endpoint_not_found');
    await ownerEndpointUnchanged();
  },
  'POST /webhook-endpoints/{endpointId}/test': async () => {
    const before = received.length;
    const response = await api(`/webhook-endpoints/${ownerEndpoint.endpointId}/test`, {
      tenant: intruder,
      method: 'POST',
    });
    await expectNotFound(response, 'endpoint_not_found');
    expect(received.slice(before).filter((d) => d.body.tenantId === owner)).toEqual([]);
  },
  'GET /events': async () => {
    const response = await api('/events?limit=100', { tenant: intruder });
    const body = (await response.json()) as { items: EventJson[] };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.map((event) => event.id)).not.toContain(ownerEventId);
  },
  'GET /events/{eventId}': async () => {
    await expectNotFound(
      await api(`/events/${ownerEventId}`, { tenant: intruder }),
      'event_not_found'
    );
  },
  'POST /events/{eventId}/redeliver': async () => {
    const response = await api(`/events/${ownerEventId}/redeliver`, {
      tenant: intruder,
      body: { endpointId: ownerEndpoint.endpointId },
    });
    await expectNotFound(response, 'event_not_found');
    expect((await ownerEvent()).deliveries).toEqual([
      expect.objectContaining({ endpointId: ownerEndpoint.endpointId, attempts: 1 }),
    ]);
  },
};

describe("Another tenant's endpoints and events", () => {
  it.each(Object.keys(cases))('%s: not found, and nothing changes', async (route) => {
    await cases[route]?.();
  });

  it('has a case for every tenant route of the events API', () => {
    // Prepare
    const eventFunctions = new Set(
      Object.entries(functions)
        .filter(([, spec]) => spec.entry.startsWith('functions/http/events/'))
        .map(([name]) => name)
    );

    // Act
    const tenantRoutes = routes
      .filter((route) => route.access === 'tenant' && eventFunctions.has(route.fn))
      .map((route) => `${route.method} ${route.path}`);

    // Assess
    expect(tenantRoutes.sort()).toEqual(Object.keys(cases).sort());
  });
});
