import { describe, expect, it } from 'vitest';
import { defaultSync, UNSUPPORTED_FIELDS } from '../../../../functions/core/linking/model.js';
import { escapeHtml, html } from '../../../../functions/http/html/escape.js';
import {
  linkedPage,
  missingScopesPage,
  pickerPage,
  signInPage,
} from '../../../../functions/http/html/pages.js';

const EVIL = `<script>alert("x")</script>'&\``;

describe('Function: escapeHtml', () => {
  it('escapes every character that can break out of text or an attribute', () => {
    // Act
    const escaped = escapeHtml(EVIL);

    // Assess
    expect(escaped).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;&#96;');
  });
});

describe('Function: html', () => {
  it('escapes interpolations but keeps nested templates', () => {
    // Act
    const out = html`<p title="${EVIL}">${[html`<b>${EVIL}</b>`]}</p>`.value;

    // Assess
    expect(out).not.toContain('<script>');
    expect(out).toContain('<b>&lt;script&gt;');
  });
});

describe('Function: pickerPage', () => {
  it('escapes Page and number names and disables what is already linked', () => {
    // Prepare
    const view = {
      tenantName: EVIL,
      assets: {
        pages: [
          { id: '1', name: EVIL, linked: false },
          { id: '2', name: 'Taken', linked: true },
        ],
        phoneNumbers: [{ id: '3', wabaId: '4', displayPhoneNumber: EVIL, linked: false }],
      },
      selectionId: 'sel"id',
      selectionExpiresAt: '2026-07-01T10:15:00.000Z',
      action: 'https://api.example/oauth/select',
      problem: EVIL,
    };

    // Act
    const page = pickerPage(view);

    // Assess
    expect(page).not.toContain('<script>');
    expect(page).toContain('linked for <strong>&lt;script&gt;');
    expect(page).toContain('value="sel&quot;id"');
    expect(page).toContain('value="2" required disabled');
    expect(page).toContain('<form method="post" action="https://api.example/oauth/select">');
  });

  it('explains what to do when there is nothing to link', () => {
    // Act
    const page = pickerPage({
      tenantName: 'Acme',
      assets: { pages: [], phoneNumbers: [] },
      selectionId: 's',
      selectionExpiresAt: 'later',
      action: '/x',
    });

    // Assess
    expect(page).not.toContain('<form');
    expect(page).toContain('manages no Page Tandem can reach');
  });
});

describe('Function: signInPage', () => {
  it('names the tenant, escaped, and continues with a form post carrying the state', () => {
    // Act
    const page = signInPage({
      tenantName: EVIL,
      state: 'st"ate',
      expiresAt: '2026-07-01T10:10:00.000Z',
      action: 'https://api.example/oauth/begin',
    });

    // Assess
    expect(page).not.toContain('<script>');
    expect(page).toContain('Link your Facebook Page to &lt;script&gt;');
    expect(page).toContain('<form method="post" action="https://api.example/oauth/begin">');
    expect(page).toContain('name="state" value="st&quot;ate"');
  });
});

describe('Function: missingScopesPage', () => {
  it('lists each missing scope and links to the rerequest URL, escaped', () => {
    // Act
    const page = missingScopesPage({
      missing: ['pages_manage_metadata'],
      retryUrl: 'https://www.facebook.com/v25.0/dialog/oauth?a=1&auth_type=rerequest',
    });

    // Assess
    expect(page).toContain('<code>pages_manage_metadata</code>');
    expect(page).toContain(
      'href="https://www.facebook.com/v25.0/dialog/oauth?a=1&amp;auth_type=rerequest"'
    );
  });
});

describe('Function: linkedPage', () => {
  it('says sync is off and that hours cannot be synced', () => {
    // Act
    const page = linkedPage(
      {
        linkId: 'lnk_1',
        tenantId: 't',
        grantId: 'g',
        metaUserId: 'u',
        pageId: '1',
        pageName: EVIL,
        wabaId: '2',
        phoneNumberId: '3',
        displayPhoneNumber: '+1 555',
        status: 'active',
        sync: defaultSync(),
        unsupported: UNSUPPORTED_FIELDS,
        createdAt: 'now',
        updatedAt: 'now',
        version: 1,
      },
      'Acme Agency'
    );

    // Assess
    expect(page).not.toContain('<script>');
    expect(page).toContain('for <strong>Acme Agency</strong>');
    expect(page).toContain('Sync is <strong>off</strong>');
    expect(page).toContain('business hours');
  });
});
