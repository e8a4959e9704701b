import { useEffect, useReducer, useRef } from 'react';
import { initialRotation, rotate, type RotationAction, type RotationState } from '../lib/rotation';

interface Sizes {
  slides: number;
  langs: number;
}

/**
 * Runs the kiosk's rotation: a tick every `interval` seconds while rotating, and a return to
 * rotation after `idle` seconds without a touch. The deck's size is known only once the data is
 * in, after the language is chosen from this state, so the caller keeps `sizesRef` up to date.
 */
export function useRotation({ interval, idle }: { interval: number; idle: number }) {
  const sizesRef = useRef<Sizes>({ slides: 1, langs: 1 });
  const [state, dispatchWithSizes] = useReducer(
    (current: RotationState, { action, at }: { action: RotationAction; at: Sizes }) =>
      rotate(current, action, at),
    initialRotation,
  );
  const lastTouch = useRef(0);
  const dispatch = (action: RotationAction) => {
    // Every visitor action also restarts the idle countdown.
    if (action.type !== 'tick' && action.type !== 'idle') lastTouch.current = Date.now();
    dispatchWithSizes({ action, at: sizesRef.current });
  };

  useEffect(() => {
    if (state.mode !== 'rotate') return undefined;
    const timer = window.setInterval(
      () => dispatchWithSizes({ action: { type: 'tick' }, at: sizesRef.current }),
      interval * 1000,
    );
    return () => window.clearInterval(timer);
  }, [state.mode, interval]);

  useEffect(() => {
    if (state.mode !== 'explore') return undefined;
    const timer = window.setInterval(() => {
      if (Date.now() - lastTouch.current >= idle * 1000)
        dispatchWithSizes({ action: { type: 'idle' }, at: sizesRef.current });
    }, 1000);
    return () => window.clearInterval(timer);
  }, [state.mode, idle]);

  return { state, dispatch, sizesRef };
}
