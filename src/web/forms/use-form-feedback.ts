import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../session/session-context";
import { type FailureKind, type FieldProblem, failureKindOf } from "./problems";

/**
 * The feedback state of a form: field problems (shown in the error summary and beside the fields)
 * or one form-level failure, each with an occurrence counter that moves focus on every attempt.
 */
export function useFormFeedback() {
  const { t } = useTranslation();
  const { expire } = useSession();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [occurrence, setOccurrence] = useState(0);

  const showProblems = useCallback((next: FieldProblem[]) => {
    setFailure(null);
    setProblems(next);
    setOccurrence((current) => current + 1);
  }, []);

  const clear = useCallback(() => {
    setFailure(null);
    setProblems([]);
  }, []);

  /** Shows a failed request; a 401 ends the session instead. `messages` overrides the text per kind. */
  const showFailure = useCallback(
    (error: unknown, messages: Partial<Record<FailureKind, string>> = {}) => {
      const kind = failureKindOf(error);
      if (kind === "expired") {
        expire();
        return;
      }
      setProblems([]);
      setFailure(messages[kind] ?? t(`forms.failure.${kind}`));
      setOccurrence((current) => current + 1);
    },
    [expire, t],
  );

  return { problems, failure, occurrence, showProblems, showFailure, clear };
}
