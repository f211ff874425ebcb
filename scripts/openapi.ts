/** `npm run openapi`: writes docs/openapi.json from the route table and the handlers' schemas. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from '../infra/shared/openapi.js';

const target = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
// The file is committed, so it is written in the house format; `npm run lint` would flag it otherwise.
execFileSync('biome', ['format', '--write', target], { stdio: 'inherit' });
console.log(`wrote ${target}`);
