import { describe } from 'vitest';
import { createMemoryBus } from './memory-bus.js';
import { busContract } from './testing-contract.js';

describe('memory bus', () => {
  let n = 0;
  busContract({
    async open() {
      const prefix = `t${++n}`;
      return {
        bus: createMemoryBus(),
        subject: (rest) => `${prefix}.${rest}`,
        durable: (name) => `${prefix}_${name}`,
      };
    },
    async cleanup(ctx) {
      await ctx.bus.close();
    },
  });
});
