import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthTandem } from './helpers.js';

describe('Stack: TandemStack', () => {
  describe('prod stage', () => {
    let synth: Synthesized;
    beforeAll(() => {
      synth = synthTandem({ stage: 'prod', publicBaseUrl: 'https://api.tandem.example.com' });
    });

    it('protects every table from deletion and retains it with the stack', () => {
      for (const table of Object.values(synth.template.findResources('AWS::DynamoDB::Table'))) {
        expect(table.Properties.DeletionProtectionEnabled).toBe(true);
        expect(table.DeletionPolicy).toBe('Retain');
      }
    });

    it('retains the token key and the Meta app secret', () => {
      for (const type of ['AWS::KMS::Key', 'AWS::SecretsManager::Secret']) {
        for (const resource of Object.values(synth.template.findResources(type))) {
          expect(resource.DeletionPolicy).toBe('Retain');
        }
      }
    });

    it('rotates the token key', () => {
      synth.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    });

    it('keeps logs longer than dev and logs at info level', () => {
      for (const group of Object.values(synth.template.findResources('AWS::Logs::LogGroup'))) {
        expect(group.Properties.RetentionInDays).toBe(90);
      }
      for (const fn of Object.values(synth.template.findResources('AWS::Lambda::Function'))) {
        expect(fn.Properties.Environment.Variables).toMatchObject({
          STAGE: 'prod',
          LOG_LEVEL: 'info',
          PUBLIC_BASE_URL: 'https://api.tandem.example.com',
        });
      }
    });
  });
});
