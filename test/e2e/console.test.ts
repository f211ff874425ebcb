import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng } from '../../infra/local/meta-sandbox/src/png.js';
import { chromiumPath } from '../helpers/chromium-setup.js';
import { api, awsClients, eventually, useSystem } from '../helpers/system.js';
import { aTenant, newSandboxUser, restoreDemoUser } from '../integration/linking/journey.js';
import { editPage, editWhatsApp, profileOf } from '../integration/sync/helpers.js';

/**
 * The console's journey in a real (headless) Chromium, on the public API only: sign in with the dev
 * identity, link a Page through the OAuth flow, turn sync on, watch a Page edit arrive, see a direct
 * WhatsApp edit pause the link and resume it, create a Click-to-WhatsApp ad (its image uploaded from
 * the form, its DSA fields prefilled) and see its results charted, the tenant's statistics, the
 * links filtered by the API and changed in bulk from the keyboard, the registered origins edited
 * with the API's objections by the field, and the banner of a Meta outage. Every main screen is
 * screenshotted into test/artifacts/console/ and checked with axe-core (no serious or critical
 * violation), under the console's real Content-Security-Policy.
 */

const ARTIFACTS = fileURLToPath(new URL('../artifacts/console/', import.meta.url));
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Browser;
/** A loopback receiver for the console's webhook endpoint: answers 200 and keeps each body. */
const received: string[] = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push(Buffer.concat(chunks).toString('utf8'));
    response.writeHead(200).end();
  });
});
let receiverUrl = '';

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
});

/** The console's words for the Page's WhatsApp link on Meta's side (console/src/links/whatsapp.ts). */
const META_LINK_WORDS = {
  linked: 'Linked on Meta',
  missing: 'Missing on Meta',
  other_number: 'Another number on Meta',
  unknown: 'Not known',
} as const;

/** The breakers table's item for the Marketing API, which the outage step opens and removes. */
const MARKETING_BREAKER = { pk: 'breaker#marketing' };

afterAll(async () => {
  await awsClients().documents.send(
    new DeleteCommand({ TableName: useSystem().tables.breakers, Key: MARKETING_BREAKER })
  );
  await browser?.close();
  receiver.close();
  await restoreDemoUser();
});

/** Screenshots the screen and runs axe-core over it: answers its serious and critical violations. */
const inspect = async (page: Page, name: string): Promise<string[]> => {
  await page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
  // Evaluated through the DevTools protocol, so the console's CSP (no inline script) stays on.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(options: unknown): Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations;
  });
  return (violations as AxeViolation[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${name}: ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
    );
};

/** Waits until the side-by-side view shows `field` the same on both sides (with `text`, if given). */
const sameOnBoth = async (page: Page, field: string, text?: string) => {
  const row = page.locator(`tr[data-field="${field}"]`);
  await row.getByText('Same on both').waitFor({ timeout: 30_000 });
  if (text) {
    await row.locator('td.value', { hasText: text }).nth(1).waitFor({ timeout: 30_000 });
    await row.getByText('Same on both').waitFor();
  }
};

describe('Journey: the console in the browser', () => {
  it('signs in, links, syncs, pauses and resumes, and charts an ad', {
    timeout: 240_000,
  }, async () => {
    // Prepare
    const { urls } = useSystem();
    const tenant = aTenant('console');
    const user = await newSandboxUser({ pages: 1, phoneNumbers: 1, adAccount: true });
    const adAccountId = user.adAccountId ?? '';
    const [pageId = '', phoneNumberId = ''] = [user.pageIds[0], user.phoneNumberIds[0]];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const violations: string[] = [];

    // Act and assess, screen by screen.
    // 1. Sign in with the dev identity.
    await page.goto(`${urls.api}/console/`);
    await page.getByRole('heading', { name: 'Sign in to Tandem' }).waitFor();
    violations.push(...(await inspect(page, '1-sign-in')));
    await page.getByLabel('Tenant id').fill(tenant);
    await page.getByLabel('Organisation name').fill('Acme Bakery');
    await page.getByRole('button', { name: 'Sign in as this tenant' }).click();
    await page.getByRole('heading', { name: 'Links', exact: true }).waitFor();
    await page.getByText('No links yet').waitFor();

    // 2. Link a Page through Tandem's OAuth flow, from the console.
    await page.getByRole('button', { name: 'Link a Page with Facebook' }).click();
    await page.getByRole('heading', { name: 'Link your Facebook Page to Acme Bakery' }).waitFor();
    await page.getByRole('button', { name: 'Continue with Facebook' }).click();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Choose a Page and a WhatsApp number' }).waitFor();
    await page.locator(`input[name="pageId"][value="${pageId}"]`).check();
    await page.locator(`input[name="phoneNumberId"][value="${phoneNumberId}"]`).check();
    await page.getByRole('button', { name: 'Link' }).click();
    await page.getByRole('heading', { name: 'Linked' }).waitFor();
    await page.goto(`${urls.api}/console/`);
    const row = page.getByRole('row').filter({ hasText: 'Active' });
    await row.waitFor();
    await page.getByRole('button', { name: '1 Links: show these' }).waitFor();
    expect(await row.textContent()).toContain('Not synced yet');
    expect(await row.textContent()).toMatch(/on Meta|Not known|Not checked yet/);
    violations.push(...(await inspect(page, '2-links')));
    await row.getByRole('link').click();

    // 3. Turn sync on, and see a Page edit arrive on WhatsApp.
    await page.getByRole('heading', { name: 'Facebook Page and WhatsApp profile' }).waitFor();
    await page.getByRole('button', { name: 'Turn sync on' }).click();
    await page.getByRole('button', { name: 'Turn sync off' }).waitFor();
    await editPage(pageId, { description: 'Sourdough, baked at dawn.' });
    await sameOnBoth(page, 'description', 'Sourdough, baked at dawn.');
    expect((await profileOf(phoneNumberId)).description).toBe('Sourdough, baked at dawn.');
    violations.push(...(await inspect(page, '3-link-synced')));

    // 3b. The link's WhatsApp side on Meta, read again from Meta with "Check now".
    const sideOf = page.locator('section.whatsapp-side');
    await sideOf.getByRole('heading', { name: 'WhatsApp on Meta' }).waitFor();
    await sideOf.getByRole('button', { name: 'Check now' }).click();
    await sideOf.getByText('Checked with Meta').waitFor();
    const sideLinkId = new URL(page.url()).hash.split('/').pop() ?? '';
    const side = (await (await api(`/links/${sideLinkId}/whatsapp`, { tenant })).json()) as {
      metaLink: { state: keyof typeof META_LINK_WORDS; fix?: string } | null;
    };
    expect(await sideOf.locator('.badge').first().textContent()).toBe(
      META_LINK_WORDS[side.metaLink?.state ?? 'unknown']
    );
    if (side.metaLink?.fix && side.metaLink.state !== 'linked') {
      await sideOf.getByText(side.metaLink.fix).waitFor();
    }

    // 3c. The link's stories: both targets off by default, WhatsApp Status not offered.
    const storiesOf = page.locator('section.link-stories');
    await storiesOf.getByRole('heading', { name: 'Stories', exact: true }).waitFor();
    await storiesOf.getByRole('checkbox', { name: 'Facebook stories' }).waitFor();
    expect(await storiesOf.getByRole('checkbox', { name: 'Facebook stories' }).isChecked()).toBe(
      false
    );
    expect(await storiesOf.getByRole('checkbox', { name: 'Instagram stories' }).isChecked()).toBe(
      false
    );
    await storiesOf.getByText('WhatsApp Status is not offered').waitFor();
    await storiesOf.scrollIntoViewIfNeeded();
    violations.push(...(await inspect(page, '3c-link-stories')));

    // 4. A direct WhatsApp edit pauses the link; resume it, the Page winning.
    await editWhatsApp(phoneNumberId, { about: 'Closed for the holidays' });
    await editPage(pageId, { description: 'Sourdough, baked at dawn, since 1982.' });
    await page
      .getByRole('heading', { name: /Sync is paused: Edited directly on WhatsApp/ })
      .waitFor({
        timeout: 30_000,
      });
    expect(await page.locator('#pause-title + p + p + table').textContent()).toContain(
      'Closed for the holidays'
    );
    violations.push(...(await inspect(page, '4-link-paused')));
    await page.getByRole('button', { name: 'Resume: copy the Page over WhatsApp' }).click();
    await page.getByRole('status').getByText('Resumed').waitFor();
    await eventually(async () =>
      expect((await profileOf(phoneNumberId)).about).not.toBe('Closed for the holidays')
    );
    await sameOnBoth(page, 'about');
    expect(await page.getByRole('heading', { name: /Sync is paused/ }).count()).toBe(0);

    // 5. Create a Click-to-WhatsApp ad: the form refuses what the API would, then creates it.
    const linkId = new URL(page.url()).hash.split('/').pop() ?? '';
    await page.getByRole('link', { name: 'Create an ad' }).click();
    await page.getByRole('heading', { name: 'Create a Click-to-WhatsApp ad' }).waitFor();
    await page.getByRole('button', { name: 'Create the ad' }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.locator('#adAccountId-error').textContent()).toContain('ad account id');
    expect(await page.locator(':focus').getAttribute('id')).toBe('adAccountId');
    // A country the API refuses is said beside the countries field, with the API's reason.
    await page.getByLabel('Countries').fill('US, IR');
    await page.getByRole('button', { name: 'Create the ad' }).click();
    expect(await page.locator('#countries-error').textContent()).toContain('cannot target IR');
    await page.getByLabel('Ad account id').fill(adAccountId);
    await page.getByLabel('Name').fill('Winter bread');
    await page.getByLabel('Amount').fill('15');
    // Reaching France, the ad needs the DSA fields: Meta's recommendations fill them.
    await page.getByLabel('Countries').fill('US, FR');
    await eventually(async () =>
      expect(await page.getByLabel('Who the ad benefits').inputValue()).not.toBe('')
    );
    expect(await page.getByLabel('Who pays for it').inputValue()).not.toBe('');
    expect(await page.locator('tr.rule-hit').count()).toBe(2);
    await page.getByLabel('Text', { exact: true }).fill('Warm bread, delivered.');
    await page.getByLabel('Headline').fill('Order on WhatsApp');
    // The image goes into the ad account's library from the form; the creative takes its hash.
    await page.getByLabel('Or upload an image').setInputFiles({
      name: 'bread.png',
      mimeType: 'image/png',
      buffer: Buffer.from(solidPng(tenant, 64)),
    });
    await page.getByText('Uploaded: the image field now holds its hash.').waitFor();
    expect(await page.getByLabel('Image', { exact: true }).inputValue()).toMatch(/^[0-9a-f]{32}$/);
    await page.locator('img.ad-image').waitFor();
    violations.push(...(await inspect(page, '5-ad-form')));
    await page.getByRole('button', { name: 'Create the ad' }).click();

    // 6. The operation's progress, then the ad's results charted per day.
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
    await page.getByText('Created', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Results, last 7 days' }).waitFor();
    await page.locator('.chart canvas').waitFor();
    const days = await page
      .getByRole('table')
      .filter({ hasText: 'Per day' })
      .locator('tbody tr')
      .count();
    expect(days).toBe(7);
    violations.push(...(await inspect(page, '6-ad-insights')));

    // 7. The link's message statistics and its ad's results, pulled as the daily schedule does.
    const pulled = await fetch(`${urls.api}/_local/stats`, { method: 'POST' });
    expect(pulled.status).toBe(200);
    await eventually(async () => {
      const stats = (await (await api(`/links/${linkId}/stats`, { tenant })).json()) as {
        totals: { sent: number; ads: unknown };
      };
      expect(stats.totals.sent).toBeGreaterThan(0);
      expect(stats.totals.ads).not.toBeNull();
    });
    await page.getByRole('link', { name: 'Link', exact: true }).click();
    await page.getByRole('heading', { name: 'Messages and ads' }).waitFor();
    const perDay = page.getByRole('table').filter({ hasText: 'Per day' }).locator('tbody tr');
    await perDay.first().waitFor();
    expect(await perDay.count()).toBe(30);
    await page.getByLabel('Period').selectOption({ label: 'Last 12 months, by month' });
    const perMonth = page.getByRole('table').filter({ hasText: 'Per month' }).locator('tbody tr');
    await perMonth.first().waitFor();
    expect(await perMonth.count()).toBeGreaterThanOrEqual(12);
    violations.push(...(await inspect(page, '7-message-stats')));

    // 8. The tenant's statistics, every link rolled up.
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'Messages and ads across 1 link' }).waitFor();
    const tenantDays = page.getByRole('table').filter({ hasText: 'Per day' }).locator('tbody tr');
    await tenantDays.first().waitFor();
    expect(await tenantDays.count()).toBe(30);
    await page.locator('.chart canvas').waitFor();
    violations.push(...(await inspect(page, '8-tenant-stats')));

    // 9. The links, filtered by the API, and sync turned off in bulk, from the keyboard.
    await page.getByRole('link', { name: 'Links', exact: true }).click();
    await page.getByRole('heading', { name: 'Links', exact: true }).waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Paused: edited directly on WhatsApp' });
    await page.getByText('No link matches these filters.').waitFor();
    await page.getByLabel('Status').selectOption({ label: 'Any' });
    await page.getByLabel('Facebook Page id').fill('not a page');
    await page.getByLabel('Facebook Page id').press('Tab');
    await page.locator('#filter-page-id-error').getByText('digits only').waitFor();
    await page.getByLabel('Facebook Page id').fill(pageId);
    await page.getByLabel('Facebook Page id').press('Tab');
    await page.getByRole('combobox', { name: /^Sync/ }).selectOption({ label: 'On' });
    // The row is found by its Sync cell: which outcome its last sync shows depends on whether
    // the Page edit's own job ran before or after the resume's.
    const synced = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'On', exact: true }) });
    await synced.waitFor();
    await page.getByLabel('Action').focus();
    await page.keyboard.press('End');
    expect(await page.getByLabel('Action').inputValue()).toBe('disable_sync');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Apply to the matching links');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .getByText('Done: 1 link matched; 1 changed', { exact: false })
      .waitFor({ timeout: 60_000 });
    await page.getByText('No link matches these filters.').waitFor();
    violations.push(...(await inspect(page, '9-links-bulk')));
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await page.getByRole('row').filter({ hasText: 'Off' }).filter({ hasText: 'Active' }).waitFor();

    // 10. Settings: the registered origins, the API's objection beside its field; the quotas.
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Quotas' }).waitFor();
    await page.getByText('No origins registered.').waitFor();
    await page.getByRole('button', { name: 'Add an origin' }).click();
    await page
      .getByLabel('Origin 1', { exact: true })
      .fill('https://app.acme-bakery.example/login');
    await page.getByRole('button', { name: 'Save the origins' }).click();
    await page.locator('#origin-0-error').getByText('Not an origin').waitFor();
    await eventually(async () =>
      expect(await page.locator(':focus').getAttribute('id')).toBe('origin-0')
    );
    violations.push(...(await inspect(page, '10-settings-origin-refused')));
    await page.getByLabel('Origin 1', { exact: true }).fill('https://app.acme-bakery.example');
    await page.getByRole('button', { name: 'Save the origins' }).click();
    await page.getByRole('status').getByText('Saved 1 origin.').waitFor();
    const origins = (await (await api('/settings/origins', { tenant })).json()) as {
      origins: string[];
    };
    expect(origins.origins).toEqual(['https://app.acme-bakery.example']);
    expect(await page.getByText('bulk_actions', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Coming').count()).toBe(0);
    violations.push(...(await inspect(page, '10-settings')));

    // 10b. Webhooks: an endpoint at a loopback receiver, its secret shown once, a test delivered.
    const hooks = page.locator('#webhooks');
    await hooks.getByText('No webhook endpoints yet.').waitFor();
    await hooks.getByLabel('Endpoint URL').fill('not a url');
    await hooks.getByRole('button', { name: 'Add the endpoint' }).click();
    await page.locator('#endpoint-url-error').waitFor();
    await hooks.getByLabel('Endpoint URL').fill(receiverUrl);
    await hooks.getByRole('button', { name: 'Add the endpoint' }).click();
    const secret = await hooks.getByLabel('Signing secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    const endpointRow = hooks.getByRole('row').filter({ hasText: receiverUrl });
    await endpointRow.getByRole('button', { name: 'Send a test event' }).click();
    await hooks.getByText('Test event sent to').waitFor();
    const testEvent = hooks.getByRole('row').filter({ hasText: 'endpoint.test' });
    await eventually(
      async () => {
        await hooks.getByRole('button', { name: 'Refresh the events' }).click();
        await testEvent.getByText('Delivered', { exact: true }).waitFor({ timeout: 2_000 });
      },
      { timeoutMs: 30_000 }
    );
    expect(received.length).toBeGreaterThan(0);
    expect(received.some((body) => body.includes('endpoint.test'))).toBe(true);
    violations.push(...(await inspect(page, '10-settings-webhooks')));

    // 11. Meta's Marketing API in an outage (its breaker open): every screen says so.
    const now = Date.now();
    await awsClients().documents.send(
      new PutCommand({
        TableName: useSystem().tables.breakers,
        Item: {
          ...MARKETING_BREAKER,
          surface: 'marketing',
          status: 'open',
          since: new Date(now - 120_000).toISOString(),
          retryAt: new Date(now + 3_600_000).toISOString(),
          openings: 1,
          failures: {},
          version: 1,
        },
      })
    );
    // GET /status caches its answer for 5 s: look again until the banner shows.
    const banner = page.getByRole('heading', {
      name: 'Meta’s Marketing API is failing for many businesses',
    });
    await eventually(
      async () => {
        await page.reload();
        await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
        await banner.waitFor({ timeout: 2_000 });
      },
      { timeoutMs: 30_000 }
    );
    expect(await page.locator('.outage').textContent()).toContain('Tandem tries again at');
    violations.push(...(await inspect(page, '11-meta-outage')));

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
