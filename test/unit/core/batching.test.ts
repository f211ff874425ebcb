import { describe, expect, it } from 'vitest';
import { chunksOf, mapConcurrently } from '../../../functions/core/batching.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('Function: chunksOf', () => {
  it('slices a list to a batch limit, keeping the order', () => {
    expect(chunksOf([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunksOf([], 10)).toEqual([]);
  });
});

describe('Function: mapConcurrently', () => {
  it('answers results in input order with at most `limit` calls in flight', async () => {
    // Prepare
    let inFlight = 0;
    let most = 0;

    // Act
    const results = await mapConcurrently([5, 1, 4, 2, 3, 6, 7], 3, async (value) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, value));
      inFlight -= 1;
      return value * 10;
    });

    // Assess
    expect(results).toEqual([50, 10, 40, 20, 30, 60, 70]);
    expect(most).toBe(3);
  });

  it('starts nothing after a failure and waits for the calls in flight before throwing it', async () => {
    // Prepare
    const started: number[] = [];
    const finished: number[] = [];

    // Act
    const run = mapConcurrently([1, 2, 3, 4, 5, 6], 2, async (value) => {
      started.push(value);
      await tick();
      if (value === 2) throw new Error('boom');
      await tick();
      finished.push(value);
      return value;
    });

    // Assess
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([1]);
  });
});
