import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The heading of a screen. It takes focus when the screen appears, so a screen reader announces the new
 * screen and keyboard users start from its top.
 */
export function ScreenTitle({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The heading is at the top of a screen that never scrolls: no scrolling into view (and no layout for it).
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <h1 className="screen-title" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
