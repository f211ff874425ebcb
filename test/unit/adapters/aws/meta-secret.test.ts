import { describe, expect, it } from 'vitest';
import {
  metaAppSecret,
  metaSystemUserToken,
} from '../../../../functions/adapters/aws/meta-secret.js';
import { ConfigError } from '../../../../functions/core/errors.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:tandem-meta-AbCdEf';

describe('Function: metaAppSecret', () => {
  it('reads META_APP_SECRET in the embedded default', async () => {
    // Prepare
    const read = metaAppSecret({ META_APP_SECRET: 'local-secret-0123456789' });

    // Act
    const secret = await read();

    // Assess
    expect(secret).toBe('local-secret-0123456789');
  });

  it('fetches the ARN from Secrets Manager once per cold start', async () => {
    // Prepare
    const fetched: string[] = [];
    const read = metaAppSecret({ META_APP_SECRET_ARN: ARN }, async (arn) => {
      fetched.push(arn);
      return 'aws-secret-0123456789\n';
    });

    // Act
    const [first, second] = await Promise.all([read(), read()]);
    const third = await read();

    // Assess
    expect([first, second, third]).toEqual(Array(3).fill('aws-secret-0123456789'));
    expect(fetched).toEqual([ARN]);
  });

  it('tries again after a failed fetch', async () => {
    // Prepare
    let calls = 0;
    const read = metaAppSecret({ META_APP_SECRET_ARN: ARN }, async () => {
      calls += 1;
      if (calls === 1) throw new Error('throttled');
      return 'aws-secret-0123456789';
    });

    // Act
    const first = read();
    await expect(first).rejects.toThrow('throttled');
    const second = await read();

    // Assess
    expect(second).toBe('aws-secret-0123456789');
  });

  it('refuses an empty secret', async () => {
    // Prepare
    const read = metaAppSecret({ META_APP_SECRET_ARN: ARN }, async () => '  ');

    // Act
    const secret = read();

    // Assess
    await expect(secret).rejects.toBeInstanceOf(ConfigError);
  });

  it('fails fast without any secret configured', () => {
    // Act
    const make = () => metaAppSecret({});

    // Assess
    expect(make).toThrow(ConfigError);
  });
});

describe('Function: metaSystemUserToken', () => {
  it('reads META_SYSTEM_USER_TOKEN in the embedded default, and fetches the ARN once in AWS', async () => {
    // Prepare
    const fetched: string[] = [];
    const local = metaSystemUserToken({ META_SYSTEM_USER_TOKEN: 'EAAS-local' });
    const aws = metaSystemUserToken({ META_SYSTEM_USER_TOKEN_ARN: ARN }, async (arn) => {
      fetched.push(arn);
      return 'EAAS-aws';
    });

    // Act
    const values = [await local(), await aws(), await aws()];

    // Assess
    expect(values).toEqual(['EAAS-local', 'EAAS-aws', 'EAAS-aws']);
    expect(fetched).toEqual([ARN]);
  });

  it('fails each use with what the operator must do when no token is configured', async () => {
    // Act
    const read = metaSystemUserToken({});

    // Assess
    await expect(read()).rejects.toThrow(ConfigError);
    await expect(read()).rejects.toThrow(/system user/);
  });
});
