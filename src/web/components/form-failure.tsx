import { Alert, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useRef } from "react";

/** A form-level error (not about one field): an alert that takes focus so it is heard at once. */
export function FormFailure({ message, occurrence }: { message: string | null; occurrence: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (occurrence > 0) {
      ref.current?.focus();
    }
  }, [occurrence]);
  if (message === null) {
    return null;
  }
  return (
    <div ref={ref} tabIndex={-1} className="schakel-form-failure">
      <Alert type="error">
        <Paragraph>{message}</Paragraph>
      </Alert>
    </div>
  );
}
