import { describe, expect, it } from 'vitest';
import { outagesOf } from '../../../console/src/outages.js';

type MetaStatus = Parameters<typeof outagesOf>[0];

const status = (surfaces: MetaStatus['surfaces']): MetaStatus => ({
  status: surfaces.every((surface) => surface.status === 'closed') ? 'ok' : 'degraded',
  checkedAt: '2026-12-02T10:00:00.000Z',
  surfaces,
});

describe('Console: Meta outages in words', () => {
  it('says nothing while every breaker is closed', () => {
    expect(
      outagesOf(
        status([{ surface: 'pages', name: 'Facebook Pages', status: 'closed', since: null }])
      )
    ).toEqual([]);
  });

  it('names an open surface, what waits, and when Tandem tries again', () => {
    // Act
    const [outage, ...rest] = outagesOf(
      status([
        { surface: 'pages', name: 'Facebook Pages', status: 'closed', since: null },
        {
          surface: 'marketing',
          name: 'Marketing API',
          status: 'open',
          since: '2026-12-02T09:55:00.000Z',
          retryAfterSeconds: 150,
        },
      ])
    );

    // Assess
    expect(rest).toEqual([]);
    expect(outage?.title).toBe('Meta’s Marketing API is failing for many businesses');
    expect(outage?.text).toContain('creating ads and reading their results waits');
    expect(outage?.text).toContain('in about 3 minutes');
    const retry = new Date('2026-12-02T10:02:30.000Z').toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(outage?.text).toContain(`tries again at ${retry}`);
  });

  it('says a half-open surface is being tried again', () => {
    const [outage] = outagesOf(
      status([
        {
          surface: 'login',
          name: 'Facebook Login',
          status: 'half_open',
          since: '2026-12-02T09:59:00.000Z',
          retryAfterSeconds: 30,
        },
      ])
    );
    expect(outage?.title).toBe('Meta’s Facebook Login is recovering');
    expect(outage?.text).toContain('linking Pages with Facebook resumes');
  });
});
