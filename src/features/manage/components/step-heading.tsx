import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The h1 of a step or page (an h2 for a section of a page). With `focus`, it takes the focus
 * when it appears, so a screen reader announces the new step and Tab continues from there, not
 * from a button that has gone.
 */
export function StepHeading({
  children,
  id,
  focus = true,
  level = 1,
}: {
  children: ReactNode;
  id?: string;
  focus?: boolean;
  level?: 1 | 2;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <Heading ref={ref} id={id} tabIndex={-1} className="manage-heading">
      {children}
    </Heading>
  );
}
