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
 * - Meta system user token: the same, for the token of the app's system user (profile pictures).
 */
class Secrets extends Construct {
  readonly tokenKey: Key;
  readonly metaAppSecret: Secret;
  readonly metaSystemUserToken: Secret;

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

    // Resumable Upload sessions (profile pictures) need a token of a user with a role on the app:
    // the app's own system user, never a customer.
    this.metaSystemUserToken = new Secret(this, 'MetaSystemUserToken', {
      description:
        "Tandem: the token of the Meta app's system user (Business Settings > System users), an admin of the app. Created with a placeholder; put the real token in after deploy.",
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy,
    });
    Validations.of(this.metaSystemUserToken).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A Meta system user token is generated in Business Settings, not by a rotation Lambda; when it is regenerated there, the operator puts the new value into this secret.',
    });
  }
}

export type { SecretsProps };
export { Secrets };
