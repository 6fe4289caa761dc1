import { Alert, Paragraph } from "@utrecht/component-library-react";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";

/**
 * The inline forms of a section collapse once their work is saved: every open disclosure of the
 * notice's section (but one holding the notice) closes, marked so that it opens a fresh form.
 */
function closeSavedDisclosures(notice: HTMLElement): void {
  const section = notice.closest("section") ?? notice.parentElement;
  for (const details of section?.querySelectorAll<HTMLDetailsElement>("details.schakel-disclosure[open]") ??
    []) {
    if (!details.contains(notice)) {
      details.dataset.saved = "true";
      details.open = false;
    }
  }
}

/** A confirmation after an action: an alert that takes focus, so it is heard at once. */
export function SuccessNotice({
  message,
  occurrence,
  children,
}: {
  message: string | null;
  occurrence: number;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const notice = ref.current;
    if (occurrence > 0 && notice !== null) {
      closeSavedDisclosures(notice);
      notice.focus();
    }
  }, [occurrence]);
  if (message === null) {
    return null;
  }
  return (
    <div ref={ref} tabIndex={-1} className="schakel-notice">
      <Alert type="ok">
        <Paragraph>{message}</Paragraph>
        {children}
      </Alert>
    </div>
  );
}

/** The state of a SuccessNotice: the message, and a counter that moves focus on every new one. */
export function useSuccessNotice() {
  const [state, setState] = useState<{ message: string | null; occurrence: number }>({
    message: null,
    occurrence: 0,
  });
  const show = useCallback((message: string) => {
    setState((current) => ({ message, occurrence: current.occurrence + 1 }));
  }, []);
  const clear = useCallback(() => {
    setState((current) => ({ message: null, occurrence: current.occurrence }));
  }, []);
  return { ...state, show, clear };
}
