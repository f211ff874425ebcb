import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COOLDOWNS, QUOTAS } from '../../../functions/core/quotas.js';
import { THROTTLES } from '../../../infra/shared/routes.js';

/** The README's table of limits: every quota and cool-down, by name, with the number it has. */
const table = (): string => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('### Limits: quotas, cool-downs and throttles');
  return readme.slice(start, readme.indexOf('| Method | Path', start));
};

const PER_WINDOW: Record<number, string> = { 60: 'minute', 3600: 'hour' };

describe('README: limits', () => {
  it('lists every quota with its number, window and scope', () => {
    // Act
    const rows = table()
      .split('\n')
      .filter((line) => line.startsWith('| `'));

    // Assess
    for (const quota of Object.values(QUOTAS)) {
      const row = rows.find((line) => line.startsWith(`| \`${quota.name}\``));
      expect(row, quota.name).toContain(
        `${quota.limit} per ${PER_WINDOW[quota.windowSeconds]} per ${quota.per}`
      );
    }
  });

  it('lists every cool-down with its seconds, and the tenant route throttle', () => {
    // Act
    const text = table();

    // Assess
    for (const cooldown of Object.values(COOLDOWNS)) {
      expect(text).toContain(`| \`${cooldown.name}\``);
      expect(text).toContain(`${cooldown.defaultSeconds} seconds`);
      expect(text).toContain(cooldown.configVariable);
    }
    expect(text).toContain(
      `tenant routes ${THROTTLES.tenant.rateLimit}/s, burst ${THROTTLES.tenant.burstLimit}`
    );
  });
});
