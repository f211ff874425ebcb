import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, readConfig } from '../../infra/aws/config.js';

const from =
  (context: Record<string, unknown>) =>
  (key: string): unknown =>
    context[key];

describe('Function: readConfig', () => {
  it('falls back to named placeholders and lists them when the context has none', () => {
    // Act
    const config = readConfig(from({}));
    // Assess
    expect(config).toMatchObject({
      stage: 'dev',
      jwtIssuer: PLACEHOLDERS.jwtIssuer,
      jwtAudience: [PLACEHOLDERS.jwtAudience],
      metaAppId: PLACEHOLDERS.metaAppId,
      metaLoginMode: 'business',
      metaLoginConfigId: PLACEHOLDERS.metaLoginConfigId,
      graphApiBaseUrl: 'https://graph.facebook.com',
      placeholders: [
        'jwtIssuer',
        'jwtAudience',
        'metaAppId',
        'metaLoginConfigId',
        'consoleOidcClientId',
      ],
    });
    expect(config.publicBaseUrl).toBeUndefined();
  });

  it('reads every key, a comma-separated audience and a numeric app id', () => {
    // Act
    const config = readConfig(
      from({
        stage: 'prod',
        jwtIssuer: 'https://auth.example.com/',
        jwtAudience: 'api, admin',
        metaAppId: 1234567890,
        metaLoginConfigId: '987654321',
        graphApiBaseUrl: 'https://sandbox.example.com',
        publicBaseUrl: 'https://api.example.com',
        consoleOidcClientId: 'console-client',
        consoleOidcScope: 'openid tandem',
        consoleOidcAudience: 'tandem-api',
        consoleConnectOrigins: 'https://login.example.com/oauth2, https://other.example.com',
        corsEnabled: 'true',
      })
    );
    // Assess
    expect(config).toEqual({
      stage: 'prod',
      jwtIssuer: 'https://auth.example.com/',
      jwtAudience: ['api', 'admin'],
      metaAppId: '1234567890',
      metaLoginMode: 'business',
      metaLoginConfigId: '987654321',
      graphApiBaseUrl: 'https://sandbox.example.com',
      publicBaseUrl: 'https://api.example.com',
      reserveConcurrency: true,
      corsEnabled: true,
      console: {
        oidcClientId: 'console-client',
        oidcScope: 'openid tandem',
        oidcAudience: 'tandem-api',
        connectOrigins: ['https://login.example.com', 'https://other.example.com'],
      },
      placeholders: [],
    });
  });

  it("asks the console's provider for openid by default, and refuses a plain-http origin", () => {
    // Assess
    expect(readConfig(from({ consoleOidcClientId: 'c' })).console).toEqual({
      oidcClientId: 'c',
      oidcScope: 'openid',
      connectOrigins: [],
    });
    expect(() => readConfig(from({ consoleConnectOrigins: 'http://login.example.com' }))).toThrow(
      /consoleConnectOrigins must be https origins/
    );
  });

  it.each([
    [{}, true],
    [{ reserveConcurrency: 'false' }, false],
    [{ reserveConcurrency: false }, false],
    [{ reserveConcurrency: 'true' }, true],
  ])('reads reserveConcurrency from %o as %s', (context, expected) => {
    expect(readConfig(from(context)).reserveConcurrency).toBe(expected);
  });

  it.each([
    [{ stage: 'qa' }, /stage must be one of dev\|prod/],
    [{ jwtIssuer: 'http://auth.example.com/' }, /jwtIssuer must be an https URL/],
    [{ metaAppId: 'my-app' }, /metaAppId must be the numeric Meta app id/],
    [{ publicBaseUrl: 'not a url' }, /publicBaseUrl must be an https URL/],
  ])('rejects the context %o', (context, message) => {
    expect(() => readConfig(from(context))).toThrow(message);
  });

  it('refuses placeholders for the prod stage', () => {
    expect(() =>
      readConfig(from({ stage: 'prod', jwtIssuer: 'https://auth.example.com/' }))
    ).toThrow(
      /Stage prod needs real values for: jwtAudience, metaAppId, metaLoginConfigId, consoleOidcClientId/
    );
  });

  it('logs in with a Login for Business configuration by default, and with scope only when classic is chosen', () => {
    // Act
    const classic = readConfig(from({ metaLoginMode: 'classic' }));

    // Assess
    expect(classic.metaLoginMode).toBe('classic');
    expect(classic.metaLoginConfigId).toBeUndefined();
    expect(classic.placeholders).not.toContain('metaLoginConfigId');
    expect(() => readConfig(from({ metaLoginMode: 'scopes' }))).toThrow(
      /metaLoginMode must be business or classic/
    );
  });
});
