import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** Props of {@link Secrets}. */
interface SecretsProps {
  /**
   * Keep the key and the secret if the stack is deleted (production: tokens encrypted under a deleted
   * key are lost for good).
   * @default false
   */
  protect?: boolean;
}

/**
 * The secrets Tandem holds.
 *
 * - Token key: a customer managed KMS key, rotated yearly, that wraps the data keys the token vault
 *   encrypts Meta tokens with. A CMK (not the AWS managed key) so its use can be granted per function
 *   and audited per call.
 * - Meta app secret: a Secrets Manager secret created with a random placeholder value. The real value
 *   comes from the Meta App Dashboard and is put in after the first deploy (see the README).
 */
class Secrets extends Construct {
  readonly tokenKey: Key;
  readonly metaAppSecret: Secret;

  constructor(scope: Construct, id: string, props: SecretsProps = {}) {
    super(scope, id);
    const removalPolicy = props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.tokenKey = new Key(this, 'TokenKey', {
      description: 'Tandem: wraps the data keys that encrypt Meta access tokens',
      enableKeyRotation: true,
      removalPolicy,
    });

    this.metaAppSecret = new Secret(this, 'MetaAppSecret', {
      description:
        'Tandem: the Meta app secret (App Dashboard > Settings > Basic). Created with a placeholder; put the real value in after deploy.',
      // A placeholder that cannot be mistaken for a real secret and fails signature checks.
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy,
    });
    Validations.of(this.metaAppSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The Meta app secret is issued and rotated in the Meta App Dashboard ("Reset app secret"), not by a rotation Lambda; after a reset the new value is put into this secret by the operator.',
    });
  }
}

export type { SecretsProps };
export { Secrets };
