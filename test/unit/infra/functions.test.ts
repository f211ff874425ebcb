import { describe, expect, it } from 'vitest';
import { type FunctionSpec, functions } from '../../../infra/shared/functions.js';

describe('Function specs', () => {
  it('let every function that may move a breaker queue the outage broadcast', () => {
    // Prepare: a function writing the breakers table can make the transition that starts or ends
    // an outage, and only the call that made it announces it (functions/adapters/wiring/shared.ts).
    const movers = Object.entries(functions as Record<string, FunctionSpec>).filter(
      ([, spec]) => spec.needs.tables?.breakers === 'readWrite'
    );

    // Act
    const deaf = movers
      .filter(
        ([, spec]) => spec.needs.events !== 'publish' && spec.needs.deliveriesQueue !== 'send'
      )
      .map(([name]) => name);

    // Assess
    expect(movers.length).toBeGreaterThan(0);
    expect(deaf).toEqual([]);
  });
});
