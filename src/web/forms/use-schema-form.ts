import { zodResolver } from "@hookform/resolvers/zod";
import { useRef } from "react";
import { type DefaultValues, type FieldErrors, type FieldValues, type Path, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { type FieldProblem, validationErrorsOf } from "./problems";
import { useFormFeedback } from "./use-form-feedback";

/** One field of a schema form: its element id and the message for each kind of problem. */
export interface FieldSpec {
  id: string;
  /** Shown beside the field and in the summary when the field is wrong; the schema says when. */
  message: string;
}

interface SchemaFormOptions<S extends z.ZodType<FieldValues, FieldValues>> {
  /** The shared Zod schema the server validates with: the browser shows the same rules before sending. */
  schema: S;
  defaultValues: DefaultValues<z.input<S>>;
  /** The form's fields in their order on screen (the error summary follows it), by schema path. */
  fields: Partial<Record<Path<z.input<S>>, FieldSpec>>;
}

/** The first segment of a problem's path below the body: "body.reason" → "reason". */
const fieldOf = (path: string) => path.replace(/^body\./, "").split(/[.[]/)[0] ?? path;

/**
 * The one form approach: react-hook-form with the shared schema as resolver. `submit(send)`
 * validates in the browser first (problems go to the error summary and beside the fields, focus
 * on the summary), then sends the schema's output; a 400 from the server is shown on the same
 * fields, any other failure as one message — or `send` handles it itself and returns false.
 */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>({
  schema,
  defaultValues,
  fields,
}: SchemaFormOptions<S>) {
  const { t } = useTranslation();
  const feedback = useFormFeedback();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues,
    shouldFocusError: false,
  });
  const sending = useRef(false);
  const entries = Object.entries(fields) as [string, FieldSpec][];

  const problemsOf = (wrong: Set<string>): FieldProblem[] => {
    const problems = entries
      .filter(([name]) => wrong.has(name))
      .map(([, spec]) => ({ fieldId: spec.id, message: spec.message }));
    return problems.length > 0
      ? problems
      : [{ fieldId: entries[0]?.[1].id ?? "", message: t("forms.errors.invalid") }];
  };

  const submit = (
    send: (values: z.output<S>) => Promise<void>,
    failureMessages?: Parameters<typeof feedback.showFailure>[1],
  ) =>
    form.handleSubmit(
      async (values) => {
        // A second press while the first is still sending must not send the change twice.
        if (sending.current) {
          return;
        }
        sending.current = true;
        feedback.clear();
        try {
          await send(values);
        } catch (error) {
          const serverProblems = validationErrorsOf(error);
          if (serverProblems !== undefined) {
            feedback.showProblems(
              problemsOf(new Set(serverProblems.map((problem) => fieldOf(problem.path)))),
            );
          } else {
            feedback.showFailure(error, failureMessages);
          }
        } finally {
          sending.current = false;
        }
      },
      (errors: FieldErrors) => {
        feedback.showProblems(problemsOf(new Set(Object.keys(errors))));
      },
    );

  /** The message beside a field, when it is wrong. */
  const errorOf = (name: Path<z.input<S>>): string | undefined => {
    const spec = fields[name];
    return spec && feedback.problems.some((problem) => problem.fieldId === spec.id)
      ? spec.message
      : undefined;
  };

  return { form, feedback, submit, errorOf, isBusy: form.formState.isSubmitting };
}
