/**
 * The kiosk's state machine, pure so it can be tested without timers. "rotate" advances by itself;
 * a visitor's touch switches to "explore", where only the visitor moves; "idle" returns to the
 * start of the rotation, forgetting the visit.
 */
export interface RotationState {
  mode: 'rotate' | 'explore';
  index: number;
  langIndex: number;
  /** Completed transitions since start: the soak benchmark reads it. */
  transitions: number;
}

export type RotationAction =
  { type: 'tick' } | { type: 'next' } | { type: 'previous' } | { type: 'touch' } | { type: 'idle' };

export const initialRotation: RotationState = {
  mode: 'rotate',
  index: 0,
  langIndex: 0,
  transitions: 0,
};

export function rotate(
  state: RotationState,
  action: RotationAction,
  sizes: { slides: number; langs: number },
): RotationState {
  const slides = Math.max(sizes.slides, 1);
  const langs = Math.max(sizes.langs, 1);
  switch (action.type) {
    case 'tick': {
      if (state.mode !== 'rotate') return state;
      const wraps = state.index + 1 >= slides;
      return {
        ...state,
        index: wraps ? 0 : state.index + 1,
        // A new round of slides is shown in the next language.
        langIndex: wraps ? (state.langIndex + 1) % langs : state.langIndex,
        transitions: state.transitions + 1,
      };
    }
    case 'next':
      return {
        ...state,
        mode: 'explore',
        index: (state.index + 1) % slides,
        transitions: state.transitions + 1,
      };
    case 'previous':
      return {
        ...state,
        mode: 'explore',
        index: (state.index - 1 + slides) % slides,
        transitions: state.transitions + 1,
      };
    case 'touch':
      return { ...state, mode: 'explore' };
    case 'idle':
      return state.mode === 'explore'
        ? { ...initialRotation, transitions: state.transitions }
        : state;
  }
}
