import { describe, expect, it } from 'vitest';
import { SYNC_FIELDS } from '../../../../functions/core/linking/model.js';
import {
  mapPageToProfile,
  type PageSnapshot,
  PROFILE_LIMITS,
  truncate,
  websitesOf,
} from '../../../../functions/core/sync/mapping.js';
import { verticalFor } from '../../../../functions/core/sync/verticals.js';

const page = (overrides: Partial<PageSnapshot> = {}): PageSnapshot => ({
  pageId: '1001',
  about: 'Fresh bread every morning.',
  description: 'A family bakery since 1982.',
  emails: ['hello@demobakery.example'],
  website: 'https://demobakery.example',
  singleLineAddress: '1 Baker Street, London NW1 6XE, United Kingdom',
  categories: ['Bakery'],
  ...overrides,
});

describe('Function: truncate', () => {
  it('leaves text within the limit untouched', () => {
    // Act
    const result = truncate('short', 10);

    // Assess
    expect(result).toEqual({ value: 'short', truncated: false });
  });

  it('cuts at a word boundary and ends with an ellipsis, within the limit', () => {
    // Prepare
    const text = 'The quick brown fox jumps over the lazy dog';

    // Act
    const result = truncate(text, 20);

    // Assess
    expect(result).toEqual({ value: 'The quick brown fox…', truncated: true });
    expect(result.value.length).toBeLessThanOrEqual(20);
  });

  it('never splits an emoji or other grapheme', () => {
    // Prepare
    const text = `${'a'.repeat(8)}👩‍👩‍👧‍👦${'b'.repeat(10)}`;

    // Act
    const result = truncate(text, 12);

    // Assess
    expect(result.value).toBe(`${'a'.repeat(8)}…`);
  });

  it('gives the same output for the same input', () => {
    // Prepare
    const text = 'x'.repeat(500);

    // Act & Assess
    expect(truncate(text, 139)).toEqual(truncate(text, 139));
    expect(truncate(text, 139).value.length).toBe(139);
  });
});

describe('Function: websitesOf', () => {
  it('splits several URLs, adds a missing scheme and drops duplicates', () => {
    // Act
    const result = websitesOf('demobakery.example https://demobakery.example, http://shop.example');

    // Assess
    expect(result).toEqual({
      urls: ['https://demobakery.example/', 'http://shop.example/'],
      rejected: [],
    });
  });

  it('rejects values that are not web addresses', () => {
    // Act
    const result = websitesOf('not-a-site https://ok.example');

    // Assess
    expect(result.rejected).toEqual(['not-a-site']);
    expect(result.urls).toEqual(['https://ok.example/']);
  });
});

describe('Function: mapPageToProfile', () => {
  it('maps every field of a simple Page without notes', () => {
    // Act
    const result = mapPageToProfile(page(), SYNC_FIELDS);

    // Assess
    expect(result.fields).toEqual({
      about: 'Fresh bread every morning.',
      description: 'A family bakery since 1982.',
      address: '1 Baker Street, London NW1 6XE, United Kingdom',
      email: 'hello@demobakery.example',
      websites: ['https://demobakery.example/'],
      vertical: 'RESTAURANT',
    });
    expect(result.notes).toEqual([]);
  });

  it('truncates a long description to the stricter 256-character limit and reports it', () => {
    // Prepare
    const description = 'word '.repeat(120);

    // Act
    const result = mapPageToProfile(page({ description }), ['description']);

    // Assess
    expect(result.fields.description?.length).toBeLessThanOrEqual(PROFILE_LIMITS.description);
    expect(result.notes).toEqual([
      expect.objectContaining({ field: 'description', kind: 'truncated' }),
    ]);
  });

  it('keeps at most two websites and says which were left out', () => {
    // Act
    const result = mapPageToProfile(page({ website: 'a.example b.example c.example' }), [
      'websites',
    ]);

    // Assess
    expect(result.fields.websites).toEqual(['https://a.example/', 'https://b.example/']);
    expect(result.notes[0]?.message).toContain('https://c.example/');
  });

  it('leaves WhatsApp about alone when the Page has none, because WhatsApp requires one', () => {
    // Act
    const result = mapPageToProfile(page({ about: '  ' }), ['about']);

    // Assess
    expect(result.fields).toEqual({});
    expect(result.notes).toEqual([expect.objectContaining({ field: 'about', kind: 'kept' })]);
  });

  it('never writes an empty email, which is not an email address in Meta’s spec, and reports an unusable one', () => {
    // Act
    const none = mapPageToProfile(page({ emails: [] }), ['email']);
    const bad = mapPageToProfile(page({ emails: ['nope'] }), ['email']);

    // Assess
    expect(none.fields).not.toHaveProperty('email');
    expect(none.unclearable).toEqual(['email']);
    expect(bad.fields).not.toHaveProperty('email');
    expect(bad.notes[0]).toEqual(expect.objectContaining({ field: 'email', kind: 'dropped' }));
  });

  it('composes the address from the location when there is no single-line address', () => {
    // Act
    const result = mapPageToProfile(
      page({
        singleLineAddress: undefined,
        location: {
          street: '1 Main St',
          city: 'Springfield',
          state: 'IL',
          zip: '62701',
          country: 'United States',
        },
      }),
      ['address']
    );

    // Assess
    expect(result.fields.address).toBe('1 Main St, Springfield, IL 62701, United States');
  });

  it('reports hours as unsupported instead of dropping them silently', () => {
    // Act
    const result = mapPageToProfile(
      page({ hours: { mon_1_open: '08:00', mon_1_close: '17:00' } }),
      SYNC_FIELDS
    );

    // Assess
    expect(result.notes).toEqual([
      expect.objectContaining({ field: 'hours', kind: 'unsupported' }),
    ]);
  });

  it('leaves opted-out fields out entirely instead of clearing them', () => {
    // Act
    const result = mapPageToProfile(page(), ['about']);

    // Assess
    expect(Object.keys(result.fields)).toEqual(['about']);
    expect(result.picture).toBeUndefined();
  });

  it('passes the picture through only when the profile picture is synced', () => {
    // Prepare
    const picture = { url: 'https://cdn.example/p.png', sha256: 'abc' };

    // Act & Assess
    expect(mapPageToProfile(page({ picture }), ['profilePicture']).picture).toEqual(picture);
    expect(mapPageToProfile(page({ picture }), ['about']).picture).toBeUndefined();
  });
});

describe('Function: verticalFor', () => {
  it('maps an exact category name', () => {
    expect(verticalFor(['Hair Salon'])).toEqual({ vertical: 'BEAUTY', from: 'Hair Salon' });
  });

  it('maps by keyword when the exact name is unknown', () => {
    expect(verticalFor(['Vegan Restaurant']).vertical).toBe('RESTAURANT');
  });

  it('tries later categories before falling back to OTHER', () => {
    expect(verticalFor(['Local Business', 'Hotel'])).toEqual({ vertical: 'HOTEL', from: 'Hotel' });
    expect(verticalFor(['Local Business'])).toEqual({ vertical: 'OTHER', from: undefined });
  });
});
