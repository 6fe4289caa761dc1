import { Alert, Button, ButtonGroup, Heading2, Paragraph } from "@utrecht/component-library-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import { problemTypes } from "../../shared/auth";
import { logIn } from "../api/auth";
import { ApiError, NetworkError } from "../api/client";
import { RequiredFieldsNote } from "../components/field-parts";
import { PageHeading } from "../components/page-heading";
import { TextField } from "../components/text-field";
import { useDocumentTitle } from "../components/use-document-title";
import { useSession } from "../session/session-context";
import { publicReportPath, readNavigationState } from "./navigation-state";

type Step = "credentials" | "totp";
type Field = "username" | "password" | "totp";
type FieldErrorKey = "usernameRequired" | "passwordRequired" | "totpFormat" | "totpInvalid";
type FormErrorKey =
  | "invalidCredentials"
  | "totpInvalid"
  | "tooManyAttempts"
  | "tooManyAttemptsLater"
  | "network"
  | "server";

/** A form-level error; `count` is the number of minutes for "tooManyAttempts". */
interface FormError {
  key: FormErrorKey;
  count?: number;
  /** Changes on every error, so that a repeated message is announced again. */
  occurrence: number;
}

/** What a failed login attempt means for the form. */
type Failure =
  | { kind: "totp-required" }
  | { kind: "totp-invalid" }
  | { kind: "invalid-credentials" }
  | { kind: "other"; key: FormErrorKey; count?: number };

function classifyFailure(error: unknown): Failure {
  if (error instanceof NetworkError) {
    return { kind: "other", key: "network" };
  }
  if (!(error instanceof ApiError)) {
    return { kind: "other", key: "server" };
  }
  if (error.status === 429 || error.hasType(problemTypes.tooManyAttempts)) {
    return error.retryAfterSeconds === undefined
      ? { kind: "other", key: "tooManyAttemptsLater" }
      : {
          kind: "other",
          key: "tooManyAttempts",
          count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)),
        };
  }
  if (error.hasType(problemTypes.totpRequired)) {
    return { kind: "totp-required" };
  }
  if (error.hasType(problemTypes.totpInvalid)) {
    return { kind: "totp-invalid" };
  }
  // A 400 here can only be input the server will never accept (e.g. an overlong name).
  if (error.status === 401 || error.status === 400 || error.hasType(problemTypes.invalidCredentials)) {
    return { kind: "invalid-credentials" };
  }
  return { kind: "other", key: "server" };
}

/**
 * Login in two steps: username and password, then (when the server asks for it) the 6-digit
 * code from the authenticator app, re-posting all three.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const location = useLocation();
  const navigationState = readNavigationState(location.state);
  useDocumentTitle(t("login.title"));

  const [step, setStep] = useState<Step>("credentials");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [totp, setTotp] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, FieldErrorKey>>>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [notice, setNotice] = useState(navigationState.notice);
  const [isBusy, setBusy] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ field: Field; occurrence: number } | null>(null);
  const occurrence = useRef(0);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const totpRef = useRef<HTMLInputElement>(null);

  // Focus is moved after rendering, once the field (e.g. the code field of step 2) exists.
  useEffect(() => {
    if (focusRequest === null) {
      return;
    }
    const refs = { username: usernameRef, password: passwordRef, totp: totpRef };
    refs[focusRequest.field].current?.focus();
  }, [focusRequest]);

  if (session.status === "authenticated") {
    return <Navigate to={navigationState.from ?? "/"} replace />;
  }

  function nextOccurrence(): number {
    occurrence.current += 1;
    return occurrence.current;
  }

  function requestFocus(field: Field): void {
    setFocusRequest({ field, occurrence: nextOccurrence() });
  }

  function showFormError(key: FormErrorKey, count?: number): void {
    setFormError({ key, occurrence: nextOccurrence(), ...(count === undefined ? {} : { count }) });
  }

  function validate(): Partial<Record<Field, FieldErrorKey>> {
    if (step === "credentials") {
      return {
        ...(username.trim() === "" ? { username: "usernameRequired" as const } : {}),
        ...(password === "" ? { password: "passwordRequired" as const } : {}),
      };
    }
    return /^\d{6}$/.test(totp.replace(/\s/g, "")) ? {} : { totp: "totpFormat" };
  }

  function handleFailure(error: unknown): void {
    const failure = classifyFailure(error);
    if (failure.kind === "totp-required" && step === "credentials") {
      setStep("totp");
      setFormError(null);
      requestFocus("totp");
      return;
    }
    if (failure.kind === "totp-invalid" || failure.kind === "totp-required") {
      setTotp("");
      setFieldErrors({ totp: "totpInvalid" });
      showFormError("totpInvalid");
      requestFocus("totp");
      return;
    }
    if (failure.kind === "invalid-credentials") {
      if (step === "totp") {
        setStep("credentials");
        setTotp("");
        requestFocus("password");
      }
      showFormError("invalidCredentials");
      return;
    }
    showFormError(failure.key, failure.count);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    setNotice(undefined);
    const errors = validate();
    setFieldErrors(errors);
    const firstInvalid = (["username", "password", "totp"] as const).find(
      (field) => errors[field] !== undefined,
    );
    if (firstInvalid !== undefined) {
      setFormError(null);
      requestFocus(firstInvalid);
      return;
    }
    setBusy(true);
    const code = totp.replace(/\s/g, "");
    logIn({ username: username.trim(), password, ...(step === "totp" ? { totp: code } : {}) }).then(
      (response) => {
        setBusy(false);
        signIn(response);
      },
      (error: unknown) => {
        setBusy(false);
        handleFailure(error);
      },
    );
  }

  function handleBack(): void {
    setStep("credentials");
    setTotp("");
    setFieldErrors({});
    setFormError(null);
    requestFocus("password");
  }

  const fieldError = (field: Field): string | undefined => {
    const key = fieldErrors[field];
    return key === undefined ? undefined : t(`login.errors.${key}`);
  };

  return (
    <div className="schakel-login">
      <PageHeading>{t("login.title")}</PageHeading>
      {notice === undefined ? null : (
        <Alert type={notice === "logged-out" ? "ok" : "info"}>
          <Paragraph>
            {t(notice === "logged-out" ? "login.notice.loggedOut" : "login.notice.expired")}
          </Paragraph>
        </Alert>
      )}
      {formError === null ? null : (
        <Alert type="error" key={formError.occurrence} className="schakel-login__error">
          <Paragraph>
            <strong>{t("login.errors.title")}</strong>
          </Paragraph>
          <Paragraph>
            {formError.key === "tooManyAttempts"
              ? t("login.errors.tooManyAttempts", { count: formError.count ?? 1 })
              : t(`login.errors.${formError.key}`)}
          </Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={handleSubmit} className="schakel-form">
        <RequiredFieldsNote />
        {step === "credentials" ? (
          <>
            <Paragraph>{t("login.intro")}</Paragraph>
            <TextField
              id="username"
              label={t("login.username")}
              value={username}
              onChange={setUsername}
              autoComplete="username"
              required
              maxLength={100}
              error={fieldError("username")}
              inputRef={usernameRef}
            />
            <TextField
              id="password"
              type="password"
              label={t("login.password")}
              value={password}
              onChange={setPassword}
              autoComplete="current-password"
              required
              maxLength={200}
              error={fieldError("password")}
              inputRef={passwordRef}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={isBusy}>
                {t("login.submit")}
              </Button>
            </ButtonGroup>
          </>
        ) : (
          <>
            <Heading2>{t("login.totp.heading")}</Heading2>
            <Paragraph>{t("login.totp.intro")}</Paragraph>
            <TextField
              id="totp"
              label={t("login.totp.label")}
              description={t("login.totp.description")}
              value={totp}
              onChange={setTotp}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              maxLength={7}
              error={fieldError("totp")}
              inputRef={totpRef}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={isBusy}>
                {t("login.totp.submit")}
              </Button>
              <Button appearance="secondary-action-button" onClick={handleBack}>
                {t("login.totp.back")}
              </Button>
            </ButtonGroup>
          </>
        )}
      </form>
      <aside aria-labelledby="login-public-heading" className="schakel-login__public">
        <Heading2 id="login-public-heading">{t("login.public.heading")}</Heading2>
        <Paragraph>{t("login.public.text")}</Paragraph>
        <Paragraph>
          <Link to={publicReportPath} className="utrecht-link">
            {t("login.public.link")}
          </Link>
        </Paragraph>
      </aside>
    </div>
  );
}
