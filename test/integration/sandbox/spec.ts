import { existsSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Meta's WhatsApp OpenAPI spec (v23.0) as JSON Schema validators: the whole document is registered
 * once so `#/components/schemas/...` references resolve inside it.
 */

const SPEC_FILE = 'business-messaging-api_v23.0.yaml';
/**
 * The project's own copy of Meta's spec (test/fixtures/contracts, unchanged), so a clean clone can test
 * against it; the shared contracts folder beside the repository is the fallback.
 */
const SPEC_CANDIDATES = [
  new URL(`../../fixtures/contracts/${SPEC_FILE}`, import.meta.url),
  new URL(`../../../../shared/contracts/${SPEC_FILE}`, import.meta.url),
];

const specPath = (): URL => {
  const found = SPEC_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${SPEC_FILE} not found in ${SPEC_CANDIDATES.join(', ')}`);
  return found;
};
const SPEC_ID = 'https://tandem.local/whatsapp-spec.json';

const loadAjv = (): Ajv2020 => {
  const document = parse(readFileSync(specPath(), 'utf8')) as Record<string, unknown>;
  // OpenAPI keywords ajv does not know are annotations here; strict mode would reject them.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: SPEC_ID });
  return ajv;
};

let ajv: Ajv2020 | undefined;

const specSchema = (name: string): ValidateFunction => {
  ajv ??= loadAjv();
  const validate = ajv.getSchema(`${SPEC_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`No schema ${name} in the WhatsApp spec`);
  return validate;
};

export { specSchema };
