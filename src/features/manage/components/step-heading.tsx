import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The h1 of a step or page. With `focus`, it takes the focus when it appears, so a screen reader
 * announces the new step and Tab continues from there, not from a button that has gone.
 */
export function StepHeading({
  children,
  id,
  focus = true,
}: {
  children: ReactNode;
  id?: string;
  focus?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="manage-heading">
      {children}
    </h1>
  );
}
