import { describe, expect, it } from 'vitest';
import { completeAuthorization, startLinking } from '../../../../functions/core/linking/oauth.js';
import { completeSelection } from '../../../../functions/core/linking/selection.js';
import { makeDeps, NUMBER, OTHER_NUMBER, PAGE } from './fakes.js';

type Deps = ReturnType<typeof makeDeps>['deps'];

const signIn = async (deps: Deps, tenantId: string) => {
  const { authorizeUrl } = await startLinking(deps, tenantId);
  const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
  const result = await completeAuthorization(deps, { state, code: `code-${tenantId}` });
  if (result.kind !== 'choose') throw new Error('sign-in failed');
  return result;
};

describe('Function: completeSelection', () => {
  it('links the chosen Page and number for the session’s tenant', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { selectionId, grant } = await signIn(deps, 'tenant-a');

    // Act
    const result = await completeSelection(deps, {
      selectionId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });

    // Assess
    expect(result.kind).toBe('linked');
    if (result.kind !== 'linked') return;
    expect(result.link).toMatchObject({ tenantId: 'tenant-a', grantId: grant.grantId });
  });

  it('refuses a second submission of the same form', async () => {
    // Prepare
    const { deps } = makeDeps();
    const { selectionId } = await signIn(deps, 'tenant-a');
    await completeSelection(deps, { selectionId, pageId: PAGE.id, phoneNumberId: NUMBER.id });

    // Act
    const replay = completeSelection(deps, {
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
    const { authorizeUrl } = await startLinking(deps, 'tenant-a');
    const state = new URL(authorizeUrl).searchParams.get('state') ?? '';

    // Act
    const wrongKind = completeSelection(deps, {
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
    const result = await completeSelection(deps, { selectionId, pageId: PAGE.id });

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
      selectionId: first.selectionId,
      pageId: PAGE.id,
      phoneNumberId: NUMBER.id,
    });
    const second = await signIn(deps, 'tenant-b');

    // Act
    const result = await completeSelection(deps, {
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
