import { afterAll, describe, expect, it } from 'vitest';
import { api, useSystem } from '../../helpers/system.js';
import {
  aTenant,
  formValue,
  restoreDemoUser,
  signIn,
  signInForGrant,
  submitPicker,
} from './journey.js';

afterAll(restoreDemoUser);

describe('Route: POST /oauth/select', () => {
  it('links the chosen Page and number for the tenant that signed in', async () => {
    // Prepare
    const tenant = aTenant('select');
    const { user, selectionId } = await signInForGrant(tenant);

    // Act
    const page = await submitPicker({
      selection: selectionId,
      pageId: user.pageIds[1] ?? '',
      phoneNumberId: user.phoneNumberIds[1] ?? '',
    });

    // Assess
    expect(page.status).toBe(201);
    expect(page.html).toContain('Linked');
    expect(page.html).toContain('business hours');
    const links = (await (await api('/links', { tenant })).json()) as {
      items: { pageId: string; phoneNumberId: string }[];
    };
    expect(links.items).toMatchObject([
      { pageId: user.pageIds[1], phoneNumberId: user.phoneNumberIds[1] },
    ]);
  });

  it('refuses the same form submitted twice', async () => {
    // Prepare
    const tenant = aTenant('select-twice');
    const { user, selectionId } = await signInForGrant(tenant);
    const fields = {
      selection: selectionId,
      pageId: user.pageIds[0] ?? '',
      phoneNumberId: user.phoneNumberIds[0] ?? '',
    };
    await submitPicker(fields);

    // Act
    const again = await submitPicker({ ...fields, phoneNumberId: user.phoneNumberIds[1] ?? '' });

    // Assess
    expect(again.status).toBe(400);
    expect(again.html).toContain('selection_invalid');
  });

  it('shows the picker again when no number was chosen', async () => {
    // Prepare
    const { user, selectionId } = await signInForGrant(aTenant('select-missing'));

    // Act
    const page = await submitPicker({ selection: selectionId, pageId: user.pageIds[0] ?? '' });

    // Assess
    expect(page.status).toBe(400);
    expect(page.html).toContain('Choose a WhatsApp number.');
    expect(formValue(page.html, 'selection')).not.toBe(selectionId);
  });

  it('shows the picker again with the Page marked when it is already linked', async () => {
    // Prepare
    const tenant = aTenant('select-taken');
    const first = await signInForGrant(tenant);
    await submitPicker({
      selection: first.selectionId,
      pageId: first.user.pageIds[0] ?? '',
      phoneNumberId: first.user.phoneNumberIds[0] ?? '',
    });
    // The same Meta user signs in again: the same Page is offered, now taken.
    const page = await signIn(tenant);
    const selectionId = formValue(page.html, 'selection');

    // Act
    const taken = await submitPicker({
      selection: selectionId,
      pageId: first.user.pageIds[0] ?? '',
      phoneNumberId: first.user.phoneNumberIds[1] ?? '',
    });

    // Assess
    expect(taken.status).toBe(409);
    expect(taken.html).toContain('already linked');
    expect(taken.html).toMatch(new RegExp(`value="${first.user.pageIds[0]}" required disabled`));
  });

  it('refuses a form without a selection id', async () => {
    // Act
    const page = await submitPicker({ pageId: '1', phoneNumberId: '2' });

    // Assess
    expect(page.status).toBe(400);
    expect(page.html).toContain('selection_invalid');
  });

  it('refuses a JSON body', async () => {
    // Act
    const response = await fetch(`${useSystem().urls.api}/oauth/select`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"selection":"x"}',
    });

    // Assess
    expect(response.status).toBe(415);
  });

  it('refuses an oversized form', async () => {
    // Act
    const page = await submitPicker({ selection: 'x', pageId: '1'.repeat(10_000) });

    // Assess
    expect(page.status).toBe(413);
  });
});
