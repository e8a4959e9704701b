import { expect, test } from 'vitest';
import { initialRotation, rotate, type RotationAction, type RotationState } from './rotation';

const sizes = { slides: 3, langs: 2 };
const run = (actions: RotationAction['type'][], from: RotationState = initialRotation) =>
  actions.reduce((state, type) => rotate(state, { type } as RotationAction, sizes), from);

test('ticks advance the slides and change language after each round', () => {
  expect(run(['tick'])).toMatchObject({ index: 1, langIndex: 0 });
  expect(run(['tick', 'tick', 'tick'])).toMatchObject({ index: 0, langIndex: 1, transitions: 3 });
  expect(run(['tick', 'tick', 'tick', 'tick', 'tick', 'tick'])).toMatchObject({
    index: 0,
    langIndex: 0,
  });
});

test('a touch pauses rotation; the visitor steps both ways, wrapping around', () => {
  const touched = run(['tick', 'touch']);
  expect(touched.mode).toBe('explore');
  expect(run(['tick'], touched).index).toBe(1);
  expect(run(['next', 'next'], touched).index).toBe(0);
  expect(run(['previous', 'previous'], touched).index).toBe(2);
});

test('going idle forgets the visit and starts the rotation over', () => {
  const visited = run(['tick', 'tick', 'tick', 'touch', 'next']);
  expect(visited).toMatchObject({ mode: 'explore', langIndex: 1 });
  expect(run(['idle'], visited)).toMatchObject({ mode: 'rotate', index: 0, langIndex: 0 });
  expect(run(['idle'], run(['tick']))).toMatchObject({ mode: 'rotate', index: 1 });
});
