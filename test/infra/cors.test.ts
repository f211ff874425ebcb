import { beforeAll, describe, expect, it } from 'vitest';
import { type FunctionName, functions as functionSpecs } from '../../infra/shared/functions.js';
import { routes } from '../../infra/shared/routes.js';
import { logicalIdOf, type Synthesized, statementsOf, synthTandem } from './helpers.js';

/** CORS for the tenants' registered origins, as the synthesized stack has it, off and on. */

const envOf = (synth: Synthesized, name: FunctionName): Record<string, unknown> =>
  synth.template.toJSON().Resources[logicalIdOf(synth.stack.functions.functions[name])]?.Properties
    ?.Environment?.Variables ?? {};

/** A function serving a tenant route that has no need of the links table of its own. */
const tenantFunctionWithoutLinks = (): FunctionName => {
  const name = routes
    .filter((route) => route.access === 'tenant')
    .map((route) => route.fn)
    .find((fn) => !(functionSpecs[fn].needs as { tables?: { links?: unknown } }).tables?.links);
  if (!name) throw new Error('every tenant function reads the links table already');
  return name;
};

describe('Stack: TandemStack CORS', () => {
  let off: Synthesized;
  let on: Synthesized;
  beforeAll(() => {
    off = synthTandem();
    on = synthTandem({ corsEnabled: true });
  });

  it('uses no API Gateway CORS configuration, on or off: the functions answer it per tenant', () => {
    // Assess
    for (const synth of [off, on]) {
      const [api] = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Api'));
      expect(api?.Properties.CorsConfiguration).toBeUndefined();
    }
  });

  it('routes OPTIONS /{proxy+} to the preflight function, without an authorizer', () => {
    // Assess
    const preflight = Object.values(off.template.findResources('AWS::ApiGatewayV2::Route')).find(
      (route) => route.Properties.RouteKey === 'OPTIONS /{proxy+}'
    );
    expect(preflight?.Properties.AuthorizationType).toBe('NONE');
  });

  it('is off by default and on with the corsEnabled context, in every function', () => {
    // Assess
    expect(off.config.corsEnabled).toBe(false);
    for (const name of Object.keys(functionSpecs) as FunctionName[]) {
      expect(envOf(off, name).CORS_ENABLED).toBe('false');
      expect(envOf(on, name).CORS_ENABLED).toBe('true');
    }
  });

  it("lets tenant functions read the tenant's origins only when CORS is on", () => {
    // Prepare
    const name = tenantFunctionWithoutLinks();
    const id = (synth: Synthesized) => logicalIdOf(synth.stack.functions.functions[name]);

    const linksTable = (synth: Synthesized) => logicalIdOf(synth.stack.data.tables.links.table);
    const readsLinks = (synth: Synthesized) =>
      JSON.stringify(statementsOf(synth.template, id(synth))).includes(linksTable(synth));

    // Assess
    expect(readsLinks(off)).toBe(false);
    expect(envOf(off, name).LINKS_TABLE).toBeUndefined();
    expect(readsLinks(on)).toBe(true);
    expect(envOf(on, name).LINKS_TABLE).toBeDefined();
  });
});
