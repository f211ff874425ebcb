import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../infra/local/meta-sandbox/src/seed.js';
import { chromiumPath } from '../helpers/chromium-setup.js';
import { api } from '../helpers/system.js';
import {
  aTenant,
  linkThroughApi,
  newSandboxUser,
  requestSignIn,
  restoreDemoUser,
} from '../integration/linking/journey.js';

/**
 * The linking journey in a real (headless) browser: the client app starts it, the browser opens
 * Tandem's begin page (which names the tenant and gives the browser its sign-in cookie), the user
 * consents in Meta's dialog (the sandbox), picks a Page and a WhatsApp number on Tandem's page, and
 * the link is then visible through the API.
 */

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await restoreDemoUser();
});

describe('Journey: linking a Page to a WhatsApp number in the browser', () => {
  it('signs in, picks a Page and a number, and shows the link', async () => {
    // Prepare
    const tenant = aTenant('e2e');
    const user = await newSandboxUser({ pages: 2, phoneNumbers: 2 });
    const { authorizeUrl } = await requestSignIn(tenant, { tenantName: 'Acme Agency' });
    const page = await browser.newPage();
    // Tandem's pages run no script and load nothing else: a CSP violation would show up here.
    // (Load errors are not counted: nothing serves the favicon the browser probes for.)
    const problems: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    // Act
    await page.goto(authorizeUrl);
    await page.getByRole('heading', { name: 'Link your Facebook Page to Acme Agency' }).waitFor();
    await page.getByRole('button', { name: 'Continue with Facebook' }).click();
    await page.waitForURL(/\/dialog\/oauth\?/);
    const dialogUrl = new URL(page.url());
    // Facebook Login for Business: the app's saved configuration is granted whole, nothing to untick.
    const consent = await page.locator('main, body').first().textContent();
    const checkboxes = await page.locator('input[type="checkbox"]').count();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Choose a Page and a WhatsApp number' }).waitFor();
    const picker = (await page.locator('main').textContent()) ?? '';
    await page.locator(`input[name="pageId"][value="${user.pageIds[1]}"]`).check();
    await page.locator(`input[name="phoneNumberId"][value="${user.phoneNumberIds[1]}"]`).check();
    await page.getByRole('button', { name: 'Link' }).click();
    await page.getByRole('heading', { name: 'Linked' }).waitFor();

    // Assess
    expect(dialogUrl.searchParams.get('config_id')).toMatch(/^\d+$/);
    expect(dialogUrl.searchParams.has('scope')).toBe(false);
    expect(checkboxes).toBe(0);
    expect(consent).toContain('pages_manage_ads');
    const success = (await page.locator('main').textContent()) ?? '';
    expect(picker).toContain('They will be linked for Acme Agency');
    expect(success).toContain('is now linked to the WhatsApp number');
    expect(success).toContain('for Acme Agency');
    expect(success).toContain('Sync is off');
    expect(problems).toEqual([]);
    const response = await api('/links', { tenant });
    const links = (await response.json()) as {
      items: {
        pageId: string;
        phoneNumberId: string;
        status: string;
        sync: { enabled: boolean };
      }[];
    };
    expect(links.items).toMatchObject([
      {
        pageId: user.pageIds[1],
        phoneNumberId: user.phoneNumberIds[1],
        status: 'active',
        sync: { enabled: false },
      },
    ]);
    await page.close();
  });

  it('shows a clear page when the user cancels in the dialog', async () => {
    // Prepare
    const tenant = aTenant('e2e-cancel');
    await newSandboxUser();
    const { authorizeUrl } = await requestSignIn(tenant);
    const page = await browser.newPage();

    // Act
    await page.goto(authorizeUrl);
    await page.getByRole('button', { name: 'Continue with Facebook' }).click();
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().includes('/oauth/callback')),
      page.getByRole('button', { name: 'Cancel' }).click(),
    ]);
    await page.getByRole('heading', { name: 'Nothing was linked' }).waitFor();

    // Assess
    expect(response.status()).toBe(403);
    expect((await page.locator('main').textContent()) ?? '').toContain(
      'You cancelled the Facebook sign-in'
    );
    await page.close();
  });

  it('turns story consent on through the second login (the stories configuration) and back', async () => {
    // Prepare
    const tenant = aTenant('e2e-stories');
    const { link } = await linkThroughApi(tenant);
    const consentUrl = `/links/${link.linkId}/stories/consent`;
    const turnedOn = await api(consentUrl, {
      tenant,
      method: 'PUT',
      body: { targets: { facebook: true, instagram: true } },
    });
    const asked = (await turnedOn.json()) as {
      missingPermissions: string[];
      signIn: { authorizeUrl: string };
    };
    const page = await browser.newPage();

    // Act
    await page.goto(asked.signIn.authorizeUrl);
    await page.getByRole('button', { name: 'Continue with Facebook' }).click();
    await page.waitForURL(/\/dialog\/oauth\?/);
    const dialogUrl = new URL(page.url());
    const dialog = (await page.locator('main, body').first().textContent()) ?? '';
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Stories allowed' }).waitFor();

    // Assess
    expect(turnedOn.status).toBe(200);
    expect(asked.missingPermissions).toEqual(
      expect.arrayContaining(['pages_manage_posts', 'instagram_content_publish'])
    );
    // The second configuration, not linking's: it holds the story permissions.
    expect(dialogUrl.searchParams.get('config_id')).toBe(DEMO.storiesLoginConfigId);
    expect(dialog).toContain('instagram_content_publish');
    const consent = (await (await api(consentUrl, { tenant })).json()) as {
      targets: { facebook: boolean; instagram: boolean };
      missingPermissions: string[];
      instagramAccountId?: string;
    };
    expect(consent.targets).toEqual({ facebook: true, instagram: true });
    expect(consent.missingPermissions).toEqual([]);
    // The stories sign-in read the Page's Instagram account for the link.
    expect(consent.instagramAccountId).toMatch(/^\d+$/);
    await page.close();
  });
});
