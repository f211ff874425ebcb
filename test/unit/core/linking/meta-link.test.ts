import { describe, expect, it } from 'vitest';
import { classifyMetaLink, metaLinkFix } from '../../../../functions/core/linking/meta-link.js';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const LATER = new Date('2026-12-02T10:00:00.000Z');
const LINK = { linkId: 'lnk_1', pageName: 'Blue Bakery', displayPhoneNumber: '+1 555-010-0001' };

describe('Function: classifyMetaLink', () => {
  it('compares the numbers on their E.164 digits only', () => {
    // Act
    const metaLink = classifyMetaLink(
      { answered: true, whatsappNumber: '1 (555) 010-0001', hasWhatsAppNumber: true },
      LINK.displayPhoneNumber,
      NOW
    );

    // Assess
    expect(metaLink).toEqual({
      state: 'linked',
      pageNumber: '15550100001',
      since: NOW.toISOString(),
    });
  });

  it.each([
    [{ answered: true as const, whatsappNumber: '15559998877' }, 'other_number'],
    [{ answered: true as const, hasWhatsAppNumber: false }, 'missing'],
    [{ answered: true as const, hasWhatsAppNumber: true }, 'unknown'],
    [{ answered: true as const }, 'unknown'],
    [{ answered: false as const, reason: 'permission refused' }, 'unknown'],
  ])('classifies %j as %s', (read, state) => {
    // Act
    const metaLink = classifyMetaLink(read, LINK.displayPhoneNumber, NOW);

    // Assess
    expect(metaLink.state).toBe(state);
  });

  it('keeps the first time a state was seen while it does not change', () => {
    // Prepare
    const first = classifyMetaLink({ answered: true, hasWhatsAppNumber: false }, '+1 555', NOW);

    // Act
    const again = classifyMetaLink(
      { answered: true, hasWhatsAppNumber: false },
      '+1 555',
      LATER,
      first
    );

    // Assess
    expect(again.since).toBe(NOW.toISOString());
  });
});

describe('Function: metaLinkFix', () => {
  it('tells a Page without the number how to link it, from Tandem or from the app', () => {
    // Act
    const fix = metaLinkFix('missing', LINK);

    // Assess
    expect(fix).toMatch(/no WhatsApp number linked on Meta's side/);
    expect(fix).toMatch(/PUT \/links\/lnk_1\/meta-link/);
    expect(fix).toMatch(/WhatsApp Business app/);
  });

  it('has nothing to fix on a linked Page', () => {
    // Act & Assess
    expect(metaLinkFix('linked', LINK)).toBeUndefined();
  });
});
