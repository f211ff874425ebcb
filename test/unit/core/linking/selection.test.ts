import { describe, expect, it } from 'vitest';
import { startLinking } from '../../../../functions/core/linking/oauth.js';
import { completeSelection } from '../../../../functions/core/linking/selection.js';
import {
  BROWSER,
  makeDeps,
  NUMBER,
  OTHER_BROWSER,
  OTHER_NUMBER,
  PAGE,
  signedIn as signIn,
} from './fakes.js';

/** The picker as this browser posts it. */
const fromBrowser = { browserKey: BROWSER };

describe('Function: completeSelection', () => {
  it('links the chosen Page and number for the session’s tenant', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { selectionId, grant } = await signIn(deps, 'tenant-a');

    // Act
    const result = await completeSelection(deps, {
      ...fromBrowser,
      selectionId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Assess
    expect(result.kind).toBe('linked');
    if (result.kind !== 'linked') return;
    expect(result.link).toMatchObject({ tenantId: 'tenant-a', grantId: grant.grantId });
    expect(result.tenantName).toBe('tenant-a Ltd');
  });

  it.each([
    ['another browser', OTHER_BROWSER],
    ['no sign-in cookie', undefined],
  ])('refuses a picker posted from %s and links nothing', async (_, browserKey) => {
    // Prepare
    const { deps } = makeDeps();
    const { selectionId } = await signIn(deps, 'tenant-a');

    // Act
    const elsewhere = completeSelection(deps, {
      browserKey,
      selectionId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Assess
    await expect(elsewhere).rejects.toMatchObject({ code: 'oauth_browser_mismatch' });
    expect(deps.links.items.size).toBe(0);
  });

  it('refuses a second submission of the same form', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { selectionId } = await signIn(deps, 'tenant-a');
    await completeSelection(deps, {
      ...fromBrowser,
      selectionId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Act
    const replay = completeSelection(deps, {
      ...fromBrowser,
      selectionId,
      pageId: PAGE.id,
      phoneNumberId: OTHER_NUMBER.id,
    });

    // Assess
    await expect(replay).rejects.toMatchObject({ code: 'selection_invalid' });
  });

  it('refuses an OAuth state posted as a selection id', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { authorizeUrl } = await startLinking(deps, { tenantId: 'tenant-a', tenantName: 'A' });
    const state = new URL(authorizeUrl).searchParams.get('state') ?? '';

    // Act
    const wrongKind = completeSelection(deps, {
      ...fromBrowser,
      selectionId: state,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Assess
    await expect(wrongKind).rejects.toMatchObject({ code: 'selection_invalid' });
    expect(deps.sessions.items.has(state)).toBe(true);
  });

  it('refuses an expired selection', async () => {
    // Prepare
    const { deps, clock } = makeDeps();
    const { selectionId } = await signIn(deps, 'tenant-a');
    clock.time = new Date(clock.time.getTime() + 901_000);

    // Act
    const late = completeSelection(deps, {
      ...fromBrowser,
      selectionId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Assess
    await expect(late).rejects.toMatchObject({ code: 'selection_expired' });
  });

  it('shows the picker again under a fresh session when nothing was chosen', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { selectionId } = await signIn(deps, 'tenant-a');

    // Act
    const result = await completeSelection(deps, { ...fromBrowser, selectionId, pageId: PAGE.id });

    // Assess
    expect(result.kind).toBe('retry');
    if (result.kind !== 'retry') return;
    expect(result.problem.message).toBe('Choose a WhatsApp number.');
    expect(result.selectionId).not.toBe(selectionId);
    expect(deps.sessions.items.get(result.selectionId)).toMatchObject({ kind: 'selection' });
  });

  it('shows the picker again, with the taken Page flagged, on a conflict', async () => {
    // Prepare
    const { deps } = makeDeps();
    const first = await signIn(deps, 'tenant-a');
    await completeSelection(deps, {
      ...fromBrowser,
      selectionId: first.selectionId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });
    const second = await signIn(deps, 'tenant-b');

    // Act
    const result = await completeSelection(deps, {
      ...fromBrowser,
      selectionId: second.selectionId,
      pageId: PAGE.id,
      phoneNumberId: OTHER_NUMBER.id,
    });

    // Assess
    expect(result.kind).toBe('retry');
    if (result.kind !== 'retry') return;
    expect(result.problem).toMatchObject({ code: 'page_already_linked' });
    expect(result.assets.pages.find((page) => page.id === PAGE.id)?.linked).toBe(true);
  });
});
