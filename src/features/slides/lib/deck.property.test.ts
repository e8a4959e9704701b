import fc from 'fast-check';
import { expect, test } from 'vitest';
import { pickSlides, type Slide, slideIndex } from './deck';

test('any ?slide= value lands on a slide of the deck, and only a whole number in range is valid', () => {
  fc.assert(
    fc.property(
      fc.option(fc.oneof(fc.string(), fc.integer().map(String), fc.double().map(String)), {
        nil: null,
      }),
      fc.nat({ max: 50 }),
      (raw, count) => {
        const { index, invalid } = slideIndex(raw, count);
        expect(Number.isInteger(index)).toBe(true);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(Math.max(count, 1));
        const number = raw === null || raw === '' ? null : Number(raw);
        if (number !== null && Number.isInteger(number) && number >= 1 && number <= count) {
          expect({ index, invalid }).toEqual({ index: number - 1, invalid: false });
        }
      },
    ),
    { numRuns: 1000 },
  );
});

test('any list of ?slides= ids picks known slides in order, names the unknown, never an empty deck', () => {
  const deck = ['a', 'b', 'c'].map((id) => ({ id }) as Slide);
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string())), (ids) => {
      const { slides, unknown } = pickSlides(deck, ids);
      expect(slides.length).toBeGreaterThan(0);
      expect(unknown).toEqual(ids.filter((id) => !['a', 'b', 'c'].includes(id)));
      const known = ids.filter((id) => ['a', 'b', 'c'].includes(id));
      expect(slides.map((s) => s.id)).toEqual(known.length ? known : ['a', 'b', 'c']);
    }),
    { numRuns: 500 },
  );
});
