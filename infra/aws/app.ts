import { App } from 'aws-cdk-lib';
import { buildTandemApp } from './tandem-app.js';

/**
 * The CDK entry point (cdk.json "app").
 *
 *   npx cdk synth                      (dev, placeholders for the identity settings)
 *   npx cdk deploy -c stage=prod -c jwtIssuer=https://... -c jwtAudience=... -c metaAppId=...
 */
const app = new App();
const { config } = buildTandemApp(app);

if (config.placeholders.length > 0) {
  console.warn(
    `[tandem] No ${config.placeholders.join(', ')} in the CDK context: using placeholders. Fine for synth; set real values before deploy.`
  );
}
