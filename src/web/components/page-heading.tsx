import { Heading1 } from "@utrecht/component-library-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useLocation } from "react-router";
import { readNavigationState } from "../routes/navigation-state";

/**
 * The page's h1. After a navigation it receives focus, so that screen reader and keyboard users
 * start reading at the new page instead of wherever focus was left. On the first page of a visit
 * focus stays at the top, so that the skip link remains the first thing Tab reaches.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  const isFirstPage = location.key === "default" || readNavigationState(location.state).skipFocus === true;

  useEffect(() => {
    if (!isFirstPage) {
      ref.current?.focus();
    }
  }, [isFirstPage]);

  return (
    <Heading1 ref={ref} tabIndex={-1} className="schakel-page-heading">
      {children}
    </Heading1>
  );
}
