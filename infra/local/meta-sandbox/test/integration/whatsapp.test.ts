import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { specSchema } from '../../src/meta-spec/index.js';
import { DEMO } from '../../src/seed.js';
import type { Sandbox } from '../../src/server.js';
import { admin, type GraphErrorBody, graph, login, startTestSandbox } from './helpers.js';

let sandbox: Sandbox;
let token: string;

const PROFILE = `/${DEMO.phoneNumberIdA}/whatsapp_business_profile`;

const expectValid = (schema: string, value: unknown): void => {
  const validate = specSchema(schema);
  const valid = validate(value);
  expect(validate.errors ?? [], `${schema}: ${JSON.stringify(validate.errors)}`).toEqual([]);
  expect(valid).toBe(true);
};

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(async () => {
  await admin(sandbox, 'POST', '/reset');
  token = await login(sandbox);
});

describe('Sandbox: WhatsApp accounts', () => {
  it('lists the businesses the user is in', async () => {
    // Act
    const reply = await graph<{ data: unknown[] }>(sandbox, '/me/businesses', { token });

    // Assess
    expect(reply.body.data).toEqual([{ id: DEMO.businessId, name: DEMO.businessName }]);
  });

  it('lists owned WABAs in the spec’s shape', async () => {
    // Act
    const owned = await graph(sandbox, `/${DEMO.businessId}/owned_whatsapp_business_accounts`, {
      token,
    });
    const client = await graph(sandbox, `/${DEMO.businessId}/client_whatsapp_business_accounts`, {
      token,
    });

    // Assess
    expectValid('WhatsAppBusinessAccountsConnection', owned.body);
    expectValid('ClientWhatsAppBusinessAccountsResponse', client.body);
    expect(owned.body).toMatchObject({ data: [{ id: DEMO.wabaId }] });
    expect(client.body).toEqual({ data: [] });
  });

  it('reads a WABA and pages through its phone numbers in the spec’s shape', async () => {
    // Act
    const waba = await graph(
      sandbox,
      `/${DEMO.wabaId}?fields=id,name,currency,timezone_id,account_review_status`,
      { token }
    );
    const first = await graph<{ data: { id: string }[]; paging: { cursors: { after: string } } }>(
      sandbox,
      `/${DEMO.wabaId}/phone_numbers?limit=1&fields=id,display_phone_number,verified_name,status,quality_rating,code_verification_status`,
      { token }
    );
    const second = await graph<{ data: { id: string }[] }>(
      sandbox,
      `/${DEMO.wabaId}/phone_numbers?limit=1&after=${first.body.paging.cursors.after}`,
      { token }
    );

    // Assess
    expectValid('WhatsAppBusinessAccount', waba.body);
    expectValid('WhatsAppBusinessAccountPhoneNumbersConnection', first.body);
    expectValid('WhatsAppBusinessAccountPhoneNumbersConnection', second.body);
    expect(first.body.data[0]?.id).toBe(DEMO.phoneNumberIdA);
    expect(second.body.data[0]?.id).toBe(DEMO.phoneNumberIdB);
  });

  it('rejects a phone_numbers limit outside 1–100', async () => {
    // Act
    const reply = await graph<GraphErrorBody>(sandbox, `/${DEMO.wabaId}/phone_numbers?limit=101`, {
      token,
    });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe(100);
  });

  it('reads a phone number node in the spec’s shape', async () => {
    // Act
    const reply = await graph(
      sandbox,
      `/${DEMO.phoneNumberIdA}?fields=id,display_phone_number,verified_name,quality_rating,code_verification_status,name_status`,
      { token }
    );

    // Assess
    expectValid('PhoneNumberInfo', reply.body);
    expect(reply.body).toMatchObject({ display_phone_number: DEMO.displayPhoneNumberA });
  });

  it('hides another user’s WABA as if it did not exist', async () => {
    // Prepare
    const other = await admin<{ wabaId: string }>(sandbox, 'POST', '/users', {
      name: 'Other Owner',
    });

    // Act
    const reply = await graph<GraphErrorBody>(sandbox, `/${other.body.wabaId}/phone_numbers`, {
      token,
    });

    // Assess
    expect(reply.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});

describe('Sandbox: WhatsApp business profile', () => {
  it('answers in the docs’ shape by default', async () => {
    // Act
    const reply = await graph<{ data: Record<string, unknown>[] }>(
      sandbox,
      `${PROFILE}?fields=about,address,description,email,profile_picture_url,websites,vertical`,
      { token }
    );

    // Assess
    expect(reply.body.data).toHaveLength(1);
    expectValid('WhatsAppBusinessProfile', reply.body.data[0]);
    expect(reply.body.data[0]).toMatchObject({
      messaging_product: 'whatsapp',
      about: 'Baked fresh daily',
      vertical: 'RESTAURANT',
    });
  });

  it('answers in the spec’s shape when switched', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/settings', { profileShape: 'spec' });

    // Act
    const reply = await graph<{ data: { business_profile: Record<string, unknown> }[] }>(
      sandbox,
      PROFILE,
      { token }
    );

    // Assess
    expectValid('WhatsAppBusinessProfileResponse', reply.body);
    expect(reply.body.data[0]?.business_profile).toMatchObject({
      messaging_product: 'whatsapp',
      about: 'Baked fresh daily',
    });
  });

  it('applies a valid partial update and leaves other fields alone', async () => {
    // Prepare
    const update = {
      messaging_product: 'whatsapp',
      description: 'Sourdough and celebration cakes.',
      websites: ['https://demobakery.example', 'https://order.demobakery.example'],
      vertical: 'GROCERY',
    };
    expectValid('WhatsAppBusinessProfileUpdateRequest', update);

    // Act
    const reply = await graph(sandbox, PROFILE, { token, json: update });
    const after = await graph<{ data: Record<string, unknown>[] }>(sandbox, PROFILE, { token });

    // Assess
    expect(reply.status).toBe(200);
    expectValid('WhatsAppBusinessProfileUpdateResponse', reply.body);
    expect(reply.body).toEqual({ success: true });
    expect(after.body.data[0]).toMatchObject({
      ...update,
      about: 'Baked fresh daily',
      email: 'hello@demobakery.example',
    });
  });

  const invalid: {
    name: string;
    body: Record<string, unknown>;
    specRejects: boolean;
    status?: number;
  }[] = [
    { name: 'a missing messaging_product', body: { about: 'Hi' }, specRejects: true },
    {
      name: 'an empty about',
      body: { messaging_product: 'whatsapp', about: '' },
      specRejects: true,
    },
    {
      name: 'an about of 140 characters',
      body: { messaging_product: 'whatsapp', about: 'a'.repeat(140) },
      specRejects: true,
    },
    {
      name: 'an address of 257 characters',
      body: { messaging_product: 'whatsapp', address: 'a'.repeat(257) },
      specRejects: true,
    },
    // The docs allow 512; the spec's 256 is the stricter limit and wins.
    {
      name: 'a description of 257 characters',
      body: { messaging_product: 'whatsapp', description: 'a'.repeat(257) },
      specRejects: true,
    },
    {
      name: 'an invalid email',
      body: { messaging_product: 'whatsapp', email: 'not-an-email' },
      specRejects: true,
    },
    {
      name: 'three websites',
      body: {
        messaging_product: 'whatsapp',
        websites: ['https://a.example', 'https://b.example', 'https://c.example'],
      },
      specRejects: true,
    },
    // The spec only asks for a URI; the docs require http(s)://, the stricter rule.
    {
      name: 'a non-http website',
      body: { messaging_product: 'whatsapp', websites: ['ftp://files.example'] },
      specRejects: false,
    },
    {
      name: 'an unknown vertical',
      body: { messaging_product: 'whatsapp', vertical: 'BAKERY' },
      specRejects: true,
    },
    {
      name: 'a profile_picture_handle the sandbox never issued',
      body: { messaging_product: 'whatsapp', profile_picture_handle: '4:bogus' },
      specRejects: false,
      // The spec documents an invalid or expired handle as 422.
      status: 422,
    },
    {
      name: 'an empty vertical (the docs allow it, the spec does not: the stricter wins)',
      body: { messaging_product: 'whatsapp', vertical: '' },
      specRejects: true,
    },
  ];

  it.each(invalid)('rejects $name with code 100', async ({ body, specRejects, status }) => {
    // Prepare
    const before = await graph(sandbox, PROFILE, { token });

    // Act
    const reply = await graph<GraphErrorBody>(sandbox, PROFILE, { token, json: body });
    const after = await graph(sandbox, PROFILE, { token });

    // Assess
    expect(specSchema('WhatsAppBusinessProfileUpdateRequest')(body)).toBe(!specRejects);
    expect(reply.status).toBe(status ?? 400);
    expectValid('GraphAPIError', reply.body);
    expect(reply.body.error.code).toBe(100);
    expect(after.body).toEqual(before.body);
  });

  it('takes a direct WhatsApp edit from the admin API without a Graph call', async () => {
    // Act
    const edit = await admin(sandbox, 'PATCH', `/phone-numbers/${DEMO.phoneNumberIdA}/profile`, {
      about: 'Edited in the app',
    });
    const after = await graph<{ data: Record<string, unknown>[] }>(sandbox, PROFILE, { token });

    // Assess
    expect(edit.status).toBe(200);
    expect(after.body.data[0]?.about).toBe('Edited in the app');
  });
});

describe('Sandbox: the loseAnswer fault', () => {
  it('applies a write after its latency and cuts the connection instead of answering', async () => {
    // Prepare
    await admin(sandbox, 'POST', '/faults', {
      match: { method: 'POST', path: 'whatsapp_business_profile$' },
      times: 1,
      latencyMs: 200,
      loseAnswer: true,
    });

    // Act
    const write = graph(sandbox, PROFILE, {
      token,
      json: { messaging_product: 'whatsapp', about: 'Landed without an answer' },
    });

    // Assess
    await expect(write).rejects.toThrow();
    const after = await graph<{ data: { about?: string }[] }>(sandbox, PROFILE, { token });
    expect(after.body.data[0]?.about).toBe('Landed without an answer');
    const log = await admin<{ requests: { method: string; path: string; answered?: boolean }[] }>(
      sandbox,
      'GET',
      '/requests'
    );
    expect(log.body.requests).toContainEqual(
      expect.objectContaining({ method: 'POST', path: PROFILE, answered: false })
    );
  });

  it('still drops a connection before the call runs when asked to, applying nothing', async () => {
    // Prepare
    const before = await graph<{ data: { about?: string }[] }>(sandbox, PROFILE, { token });
    await admin(sandbox, 'POST', '/faults', {
      match: { method: 'POST', path: 'whatsapp_business_profile$' },
      times: 1,
      dropConnection: true,
    });

    // Act
    const write = graph(sandbox, PROFILE, {
      token,
      json: { messaging_product: 'whatsapp', about: 'Never applied' },
    });

    // Assess
    await expect(write).rejects.toThrow();
    const after = await graph<{ data: { about?: string }[] }>(sandbox, PROFILE, { token });
    expect(after.body.data[0]?.about).toBe(before.body.data[0]?.about);
  });
});
