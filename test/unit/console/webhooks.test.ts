import { describe, expect, it } from 'vitest';
import { describeError } from '../../../console/src/errors.js';
import { fixesOf, healthLabel, metaLinkLabel } from '../../../console/src/links/whatsapp.js';
import { endpointErrors, lastResultText } from '../../../console/src/settings/webhooks.js';

describe('Console: the API’s objections to a webhook endpoint, by field', () => {
  it('places a URL the outbound rules refuse beside the URL, in the API’s words', () => {
    // Prepare
    const problem = describeError(400, {
      error: {
        code: 'endpoint_url_not_allowed',
        message: 'The endpoint URL cannot be used: the address is private.',
        requestId: 'r-1',
      },
    });

    // Act
    const errors = endpointErrors(problem);

    // Assess
    expect(errors.url).toBe('The endpoint URL cannot be used: the address is private.');
    expect(errors.eventTypes).toBeUndefined();
  });

  it('places unknown event types and schema issues beside their fields', () => {
    // Prepare
    const unknown = describeError(400, {
      error: { code: 'unknown_event_type', message: 'Unknown event type(s): link.nope.' },
    });
    const schema = describeError(400, {
      error: {
        code: 'invalid_request',
        message: 'Invalid body',
        details: {
          issues: [
            { path: 'body.url', message: 'Too big: expected string to have <=2048 characters' },
            { path: 'body.eventTypes', message: 'Too small: expected array to have >=1 items' },
          ],
        },
      },
    });

    // Act
    const fromUnknown = endpointErrors(unknown);
    const fromSchema = endpointErrors(schema);

    // Assess
    expect(fromUnknown.eventTypes).toContain('link.nope');
    expect(fromSchema.url).toContain('2048');
    expect(fromSchema.eventTypes).toContain('>=1 items');
  });

  it('says a delivery’s last result as its HTTP status or its network error', () => {
    expect(lastResultText({ status: 503 })).toBe('HTTP 503');
    expect(lastResultText({ error: 'timed out' })).toBe('timed out');
    expect(lastResultText(undefined)).toBe('');
  });
});

describe('Console: a link’s WhatsApp side on Meta', () => {
  const since = '2026-12-01T00:00:00.000Z';

  it('shows the fix when the Page’s button is missing or on another number, not when linked', () => {
    // Prepare
    const missing = {
      metaLink: { state: 'missing' as const, since, fix: 'Add the WhatsApp button again.' },
      health: { canSendMessage: 'AVAILABLE' as const, problems: [], since },
      connection: null,
    };
    const linked = { ...missing, metaLink: { state: 'linked' as const, since, fix: 'ignored' } };

    // Act and assess
    expect(fixesOf(missing)).toEqual(['Add the WhatsApp button again.']);
    expect(metaLinkLabel(missing).label).toBe('Missing on Meta');
    expect(fixesOf(linked)).toEqual([]);
    expect(metaLinkLabel(linked).label).toBe('Linked on Meta');
    expect(healthLabel(linked).label).toBe('Can send messages');
  });

  it('says "not checked yet" for a link Tandem has not read Meta for', () => {
    expect(metaLinkLabel(undefined).label).toBe('Not checked yet');
    expect(healthLabel({ metaLink: null, health: null, connection: null }).label).toBe(
      'Not checked yet'
    );
  });
});
