import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The heading of a screen. It takes focus when the screen appears, so a screen reader announces the new
 * screen and keyboard users start from its top.
 */
export function ScreenTitle({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h1 className="screen-title" tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
