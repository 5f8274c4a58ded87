import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays within the bounds asked for and reaches both ends', () => {
    const random = createRandom(1);
    const ints = Array.from({ length: 2000 }, () => random.int(3, 7));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(7);
    const floats = Array.from({ length: 2000 }, () => random.next());
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('picks by weight, never an item of weight zero', () => {
    const random = createRandom(9);
    const picks = Array.from({ length: 3000 }, () =>
      random.weighted([
        ['often', 9],
        ['never', 0],
        ['rarely', 1],
      ] as const),
    );
    const count = (item: string) => picks.filter((p) => p === item).length;
    expect(count('never')).toBe(0);
    expect(count('often')).toBeGreaterThan(5 * count('rarely'));
    expect(count('rarely')).toBeGreaterThan(0);
  });

  it('refuses to pick from nothing', () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
  });
});
