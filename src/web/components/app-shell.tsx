import { Alert, Button, PageFooter, PageHeader, Paragraph, SkipLink } from "@utrecht/component-library-react";
import { type ReactNode, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, Outlet, useNavigate } from "react-router";
import { loginPath, type NavigationState } from "../routes/navigation-state";
import { useSession } from "../session/session-context";
import { LanguageSwitch } from "./language-switch";
import { LoadingMessage } from "./loading-message";
import { MainNavigation } from "./main-navigation";
import { SessionUnavailable } from "./session-unavailable";

/** The frame of every page: skip link, header (name, language, user, logout), main and footer. */
export function AppShell() {
  const { t } = useTranslation();
  const { session, signOut, reload } = useSession();
  const navigate = useNavigate();
  const mainRef = useRef<HTMLElement>(null);
  const [isLoggingOut, setLoggingOut] = useState(false);
  const [hasLogoutFailed, setLogoutFailed] = useState(false);

  function handleLogout(): void {
    if (isLoggingOut) {
      return;
    }
    setLoggingOut(true);
    setLogoutFailed(false);
    signOut().then(
      () => {
        setLoggingOut(false);
        const state: NavigationState = { notice: "logged-out" };
        return navigate(loginPath, { replace: true, state });
      },
      () => {
        setLoggingOut(false);
        setLogoutFailed(true);
      },
    );
  }

  let content: ReactNode;
  if (session.status === "loading") {
    content = <LoadingMessage />;
  } else if (session.status === "unavailable") {
    content = <SessionUnavailable onRetry={reload} />;
  } else {
    content = <Outlet />;
  }

  return (
    <div className="schakel-app">
      <SkipLink
        href="#main"
        onClick={(event) => {
          // Move focus ourselves: a hash change would be seen by the router as a navigation.
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t("shell.skipLink")}
      </SkipLink>
      <PageHeader>
        <div className="utrecht-page-header__content schakel-header">
          <Link to="/" className="utrecht-link schakel-header__brand" aria-label={t("shell.homeLink")}>
            {t("app.name")}
          </Link>
          {session.status === "authenticated" ? <MainNavigation user={session.user} /> : null}
          <div className="schakel-header__tools">
            <LanguageSwitch />
            {session.status === "authenticated" ? (
              <div className="schakel-header__user">
                <Paragraph className="schakel-header__user-name">
                  <Trans
                    i18nKey="shell.signedInAs"
                    values={{ name: session.user.displayName }}
                    components={{ strong: <strong /> }}
                  />
                </Paragraph>
                <Button appearance="secondary-action-button" busy={isLoggingOut} onClick={handleLogout}>
                  {t("shell.logout")}
                </Button>
              </div>
            ) : null}
          </div>
        </div>
      </PageHeader>
      <main id="main" ref={mainRef} tabIndex={-1} className="utrecht-page-body schakel-main">
        <div className="utrecht-page-body__content">
          {hasLogoutFailed && session.status === "authenticated" ? (
            <Alert type="error">
              <Paragraph>{t("shell.logoutFailed")}</Paragraph>
            </Alert>
          ) : null}
          {content}
        </div>
      </main>
      <PageFooter>
        <div className="utrecht-page-footer__content">
          <Paragraph>{t("app.footer")}</Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}
