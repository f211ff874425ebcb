import { describe, expect, it } from 'vitest';
import { parseFields } from '../../../src/meta-spec/fields.js';
import {
  batchItems,
  checkMetaCall,
  describePath,
  type MetaCall,
  servingVersion,
} from '../../../src/meta-spec/index.js';

const call = (overrides: Partial<MetaCall>): MetaCall => ({
  method: 'GET',
  version: 'v26.0',
  node: 'Page',
  query: {},
  headers: {},
  ...overrides,
});

const rulesOf = (result: ReturnType<typeof checkMetaCall>) =>
  result.violations.map((violation) => `${violation.rule}:${violation.param ?? ''}`);

const adSet = (params: Record<string, unknown>, version = 'v26.0') =>
  checkMetaCall(
    call({
      method: 'POST',
      version,
      node: 'AdAccount',
      edge: 'adsets',
      body: {
        json: {
          name: 'Set',
          campaign_id: '1',
          billing_event: 'IMPRESSIONS',
          optimization_goal: 'CONVERSATIONS',
          destination_type: 'WHATSAPP',
          daily_budget: 1500,
          promoted_object: { page_id: '1', whatsapp_phone_number: '15550100001' },
          targeting: { geo_locations: { countries: ['US'] } },
          ...params,
        },
      },
    })
  );

describe('Function: checkMetaCall (codegen specs)', () => {
  it('accepts an ad set Meta would accept, checking nested targeting and promoted_object', () => {
    const result = adSet({});
    expect(result.checkedBy).toBe('codegen');
    expect(result.violations).toEqual([]);
  });

  it('refuses an undeclared parameter, a bad enum and an unknown nested field', () => {
    const result = adSet({
      colour: 'blue',
      billing_event: 'SMILES',
      targeting: { geo_locations: { countries: ['US'], planets: ['Mars'] } },
    });
    expect(rulesOf(result).sort()).toEqual([
      'bad_enum:billing_event',
      'undeclared_param:colour',
      'undeclared_param:targeting.geo_locations.planets',
    ]);
    expect(result.violations[0]?.message).toMatch(/^\(#100\) /);
  });

  it('refuses a missing required parameter, naming it as Graph does', () => {
    const result = checkMetaCall(
      call({
        method: 'POST',
        node: 'AdAccount',
        edge: 'campaigns',
        body: { json: { name: 'C', is_adset_budget_sharing_enabled: false } },
      })
    );
    expect(result.violations.map((violation) => violation.message)).toEqual([
      '(#100) The parameter special_ad_categories is required',
    ]);
  });

  it('refuses an edge the node does not have for the method', () => {
    const result = checkMetaCall(call({ method: 'POST', node: 'Page', edge: 'accounts' }));
    expect(rulesOf(result)).toEqual(['unknown_edge:']);
  });

  it('checks field expansion: node fields, GET edges with their parameters as modifiers', () => {
    const ok = checkMetaCall(
      call({ query: { fields: 'about,emails,picture.width(640).height(640){url,is_silhouette}' } })
    );
    expect(ok.violations).toEqual([]);
    const bad = checkMetaCall(
      call({ query: { fields: 'about,tasks,picture.colour(red){url,shade}' } })
    );
    expect(bad.violations.map((violation) => violation.message)).toEqual([
      '(#100) Tried accessing nonexisting field (tasks) on node type (Page)',
      '(#100) Modifier colour is not a parameter of Page.picture',
      '(#100) Tried accessing nonexisting field (picture.shade) on node type (ProfilePictureSource)',
    ]);
  });

  it('accepts a list given comma-separated and checks each value against the enum', () => {
    const subscribe = (fields: string) =>
      checkMetaCall(
        call({
          method: 'POST',
          edge: 'subscribed_apps',
          body: { form: { subscribed_fields: fields } },
        })
      );
    expect(subscribe('description,website').violations).toEqual([]);
    expect(rulesOf(subscribe('description,about'))).toEqual(['bad_enum:subscribed_fields[1]']);
  });

  it('accepts a reference to an existing object as {<param>_id}', () => {
    const result = checkMetaCall(
      call({
        method: 'POST',
        node: 'AdAccount',
        edge: 'ads',
        body: {
          json: { name: 'Ad', adset_id: '1', creative: { creative_id: '2' }, status: 'PAUSED' },
        },
      })
    );
    expect(result.violations).toEqual([]);
  });
});

describe('Function: checkMetaCall (documented rules)', () => {
  it('requires is_adset_budget_sharing_enabled from v24.0 when the budget is on the ad sets', () => {
    const campaign = (version: string, extra: Record<string, unknown> = {}) =>
      checkMetaCall(
        call({
          method: 'POST',
          version,
          node: 'AdAccount',
          edge: 'campaigns',
          body: { json: { name: 'C', special_ad_categories: [], ...extra } },
        })
      );
    expect(rulesOf(campaign('v24.0'))).toEqual(['documented_rule:is_adset_budget_sharing_enabled']);
    expect(campaign('v23.0').violations).toEqual([]);
    expect(campaign('v24.0', { is_adset_budget_sharing_enabled: false }).violations).toEqual([]);
    expect(campaign('v24.0', { daily_budget: 1000 }).violations).toEqual([]);
  });

  it('requires an explicit Advantage+ audience flag from v23.0 for targeting that is not the default', () => {
    const narrowed = { targeting: { geo_locations: { countries: ['US'] }, age_min: 25 } };
    expect(rulesOf(adSet(narrowed))).toEqual([
      'documented_rule:targeting.targeting_automation.advantage_audience',
    ]);
    expect(adSet(narrowed, 'v22.0').violations).toEqual([]);
    expect(
      adSet({
        targeting: { ...narrowed.targeting, targeting_automation: { advantage_audience: 0 } },
      }).violations
    ).toEqual([]);
  });

  it('requires DSA beneficiary and payor for an ad set reaching an EU country', () => {
    const eu = { targeting: { geo_locations: { countries: ['US', 'DE'] } } };
    expect(rulesOf(adSet(eu))).toEqual([
      'documented_rule:dsa_beneficiary',
      'documented_rule:dsa_payor',
    ]);
    expect(
      adSet({ ...eu, dsa_beneficiary: 'Demo Bakery', dsa_payor: 'Demo Bakery' }).violations
    ).toEqual([]);
  });

  it("requires a batch's fallback token as its access_token parameter", () => {
    const batch = (form: Record<string, string>) =>
      checkMetaCall(call({ method: 'POST', node: 'Batch', body: { form } }));
    expect(rulesOf(batch({ batch: '[]' }))).toEqual(['documented_rule:access_token']);
    expect(batch({ batch: '[]', access_token: 'EAA' }).violations).toEqual([]);
  });

  it('requires the OAuth header scheme and file_offset on an upload transfer', () => {
    const transfer = (headers: Record<string, string>) =>
      checkMetaCall(call({ method: 'POST', node: 'UploadSession', headers, body: { bytes: 10 } }));
    expect(rulesOf(transfer({ authorization: 'Bearer EAA', file_offset: '0' }))).toEqual([
      'documented_rule:Authorization',
    ]);
    expect(transfer({ authorization: 'OAuth EAA', file_offset: '0' }).violations).toEqual([]);
  });
});

describe('Function: checkMetaCall (WhatsApp OpenAPI spec)', () => {
  const profile = (body: unknown) =>
    checkMetaCall(
      call({
        method: 'POST',
        node: 'WhatsAppBusinessPhoneNumber',
        edge: 'whatsapp_business_profile',
        body: { json: body },
      })
    );

  it('validates a profile update against the spec: an empty email is not an email', () => {
    expect(profile({ messaging_product: 'whatsapp', about: 'Hi' }).checkedBy).toBe(
      'whatsapp-openapi'
    );
    expect(profile({ messaging_product: 'whatsapp', about: 'Hi' }).violations).toEqual([]);
    expect(rulesOf(profile({ messaging_product: 'whatsapp', email: '' }))).toEqual(['bad_body:']);
    expect(rulesOf(profile({ about: 'Hi' }))).toEqual(['bad_body:']);
  });

  it('checks query parameters and fields against the operation', () => {
    const numbers = (query: Record<string, string>) =>
      checkMetaCall(call({ node: 'WhatsAppBusinessAccount', edge: 'phone_numbers', query }));
    expect(numbers({ fields: 'id,display_phone_number', limit: '100' }).violations).toEqual([]);
    expect(rulesOf(numbers({ fields: 'id,name_status' }))).toEqual(['bad_fields:fields']);
    expect(rulesOf(numbers({ colour: 'red' }))).toEqual(['undeclared_param:colour']);
  });

  it('reads the profile fields through the wrapper item the spec answers', () => {
    const read = checkMetaCall(
      call({
        node: 'WhatsAppBusinessPhoneNumber',
        edge: 'whatsapp_business_profile',
        query: { fields: 'about,email,websites,profile_picture_url' },
      })
    );
    expect(read.violations).toEqual([]);
  });
});

describe('Function: servingVersion', () => {
  it('serves versions that exist, upgrades expired ones, and refuses ones that never existed', () => {
    expect(servingVersion('v26.0')).toBe('v26.0');
    expect(servingVersion('v19.0')).toBe('v20.0');
    expect(servingVersion('v2.12')).toBe('v20.0');
    expect(servingVersion('v27.0')).toBeUndefined();
    expect(servingVersion('v25.5')).toBeUndefined();
    expect(rulesOf(checkMetaCall(call({ version: 'v99.0' })))).toEqual(['unknown_edge:']);
  });
});

describe('Function: describePath and batchItems', () => {
  it('names the node and edge of a path, and the endpoints without a node', () => {
    const types = new Map([['act_1', 'AdAccount']]);
    const nodeOf = (id: string) => types.get(id);
    expect(describePath('/v26.0/act_1/adsets', nodeOf)).toEqual({
      version: 'v26.0',
      node: 'AdAccount',
      edge: 'adsets',
    });
    expect(describePath('/v26.0/me/accounts', nodeOf)).toEqual({
      version: 'v26.0',
      node: 'User',
      edge: 'accounts',
    });
    expect(describePath('/v26.0/', nodeOf)).toEqual({ version: 'v26.0', node: 'Batch' });
    expect(describePath('/v26.0/upload:abc', nodeOf)?.node).toBe('UploadSession');
    expect(describePath('/v26.0/oauth/access_token', nodeOf)?.node).toBe('OAuthAccessToken');
    expect(describePath('/v26.0/42', nodeOf)).toBeUndefined();
  });

  it('reads the items of a batch with their form bodies', () => {
    expect(
      batchItems({
        batch: JSON.stringify([
          { method: 'get', relative_url: '/me?fields=id' },
          { method: 'POST', relative_url: 'act_1/ads', body: 'name=A&status=PAUSED' },
        ]),
      })
    ).toEqual([
      { method: 'GET', relativeUrl: 'me?fields=id', body: {} },
      { method: 'POST', relativeUrl: 'act_1/ads', body: { name: 'A', status: 'PAUSED' } },
    ]);
  });
});

describe('Function: parseFields', () => {
  it('parses nested selections and modifiers, and refuses unbalanced braces', () => {
    expect(parseFields('a,b.limit(2){c,d{e}}')).toEqual([
      { name: 'a', modifiers: {} },
      {
        name: 'b',
        modifiers: { limit: '2' },
        children: [
          { name: 'c', modifiers: {} },
          { name: 'd', modifiers: {}, children: [{ name: 'e', modifiers: {} }] },
        ],
      },
    ]);
    expect(() => parseFields('a{b')).toThrow(/missing/);
  });
});
