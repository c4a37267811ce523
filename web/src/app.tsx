// The staff UI (職員画面): restores the session, shows the log-in screen when there is none (or it
// expired), and otherwise the shell — header, the navigation this user's roles allow, one screen.
import { useCallback, useEffect, useRef, useState, type ReactElement } from "react";
import { ApiProblem, createApiClient, type ApiClient } from "./kit/api-client.ts";
import { AppContext } from "./app-context.ts";
import type { Session } from "./platform/identity/session.ts";
import { landingPath, menuPathAt, screenAt, screenExists, screensFor } from "./navigation.ts";
import { followJourney, forgetPurpose } from "./kit/access-purpose.ts";
import { Link, navigate, usePath } from "./router.tsx";
import { AppHeader } from "./shell/app-header.tsx";
import { SideNavigation } from "./shell/side-navigation.tsx";
import { Notice } from "./kit/notice.tsx";
import { LoginScreen } from "./platform/identity/login-screen.tsx";
import { HomeScreen } from "./shell/home-screen.tsx";
import { StaffScreen } from "./platform/identity/staff-screen.tsx";
import { AuditLogScreen } from "./platform/audit/audit-log-screen.tsx";
import { TenantsScreen } from "./platform/tenancy/tenants-screen.tsx";
import { AuditVerifyScreen } from "./platform/audit/audit-verify-screen.tsx";
import { SettingsScreen } from "./platform/settings/settings-screen.tsx";
import { EventsScreen } from "./platform/events/events-screen.tsx";
import { JobsScreen } from "./platform/jobs/jobs-screen.tsx";
import { OperatorFitGapScreen } from "./platform/tenancy/operator-fit-gap-screen.tsx";
import { OperatorEventsScreen } from "./platform/events/operator-events-screen.tsx";
import { OperatorJobsScreen } from "./platform/jobs/operator-jobs-screen.tsx";
import { AddresseeSearchScreen } from "./platform/addressee/addressee-search-screen.tsx";
import { AddresseeRegisterScreen } from "./platform/addressee/addressee-register-screen.tsx";
import { AddresseeDuplicatesScreen } from "./platform/addressee/addressee-duplicates-screen.tsx";
import { AddresseeDetailScreen } from "./platform/addressee/addressee-detail-screen.tsx";
import { ResidentSearchScreen } from "./modules/resident/resident-search-screen.tsx";
import { ResidentExOfficioEntryScreen, ResidentMoveInScreen } from "./modules/resident/resident-registration-screen.tsx";
import { ResidentDetailScreen } from "./modules/resident/resident-detail-screen.tsx";
import { ResidentLateNotificationsScreen } from "./modules/resident/resident-late-notifications-screen.tsx";
import { ResidentChangeScreen } from "./modules/resident/resident-change-screen.tsx";
import { ResidentCertificateScreen } from "./modules/resident/resident-certificate-screen.tsx";
import { ProtectionMeasuresScreen } from "./platform/protection/protection-measures-screen.tsx";
import { ProtectionReleasesScreen } from "./platform/protection/protection-releases-screen.tsx";
import { OperatorProtectionScreen } from "./platform/protection/operator-protection-screen.tsx";
import { OperatorLoginThrottlesScreen } from "./platform/identity/operator-login-throttles-screen.tsx";
import { PasswordChangeScreen } from "./platform/identity/password-change-screen.tsx";
import { SealScreen } from "./platform/documents/seal-screen.tsx";
import "./platform/identity/identity.css";
import { createProtectionWatch, type ProtectionWatch } from "./platform/protection/protection-watch.ts";
import { readsProtection } from "./platform/protection/protection-roles.ts";
import { ProtectionWarning } from "./platform/protection/protection-banner.tsx";

/** The component of each screen in navigation.ts, by path. */
const VIEWS: Record<string, () => ReactElement> = {
  "/": HomeScreen,
  "/residents": ResidentSearchScreen,
  "/residents/move-in": ResidentMoveInScreen,
  "/residents/ex-officio-entry": ResidentExOfficioEntryScreen,
  "/residents/late-notifications": ResidentLateNotificationsScreen,
  "/residents/:id": ResidentDetailScreen,
  "/residents/:id/changes/:kind": ResidentChangeScreen,
  "/residents/:id/certificate": ResidentCertificateScreen,
  "/addressees": AddresseeSearchScreen,
  "/addressees/new": AddresseeRegisterScreen,
  "/addressees/duplicates": AddresseeDuplicatesScreen,
  "/addressees/:number": AddresseeDetailScreen,
  "/protection/measures": ProtectionMeasuresScreen,
  "/protection/releases": ProtectionReleasesScreen,
  "/settings": SettingsScreen,
  "/certificates/seals": SealScreen,
  "/staff": StaffScreen,
  "/events": EventsScreen,
  "/jobs": JobsScreen,
  "/audit": AuditLogScreen,
  "/operator/tenants": TenantsScreen,
  "/operator/fit-gap": OperatorFitGapScreen,
  "/operator/events": OperatorEventsScreen,
  "/operator/jobs": OperatorJobsScreen,
  "/operator/protection": OperatorProtectionScreen,
  "/operator/audit-verify": AuditVerifyScreen,
  "/operator/login-throttles": OperatorLoginThrottlesScreen,
  "/account/password": PasswordChangeScreen,
};

type State = { phase: "loading" } | { phase: "login"; notice: string | null } | { phase: "ready"; session: Session };

export function App() {
  const [state, setState] = useState<State>({ phase: "loading" });
  const loggedIn = useRef(false);
  const [watch] = useState<ProtectionWatch>(() => createProtectionWatch(() => window.location.pathname));
  const [api] = useState<ApiClient>(() =>
    createApiClient(
      (problem) => {
        // Say why only when there was a session to lose; a first visit simply shows the log-in form.
        const notice = loggedIn.current || problem.code === "session-expired" ? problem.titleJa : null;
        loggedIn.current = false;
        setState({ phase: "login", notice });
      },
      // Counted for the screen that asked (the browser's path as the request went out), so a late
      // answer to the previous screen never warns on the next one.
      (apiPath) => {
        const screenPath = window.location.pathname;
        return (count) => watch.record(screenPath, apiPath, count);
      },
    ),
  );

  const enter = useCallback(
    (session: Session, justLoggedIn: boolean) => {
      api.setCsrfToken(session.csrfToken);
      loggedIn.current = true;
      // A purpose stated by whoever used this tab before is not this user's.
      if (justLoggedIn) forgetPurpose();
      // After a log-in the address may be the previous user's screen: start on one of this user's.
      // A reload or a typed address keeps its path (and says so if the roles do not open it).
      if (justLoggedIn && !screenAt(session, window.location.pathname)) navigate(landingPath(session), { replace: true });
      setState({ phase: "ready", session });
    },
    [api],
  );

  useEffect(() => {
    api.get<Session>("/api/session").then((session) => enter(session, false), (error: unknown) => {
      // A 401 has already switched to the log-in screen; anything else must not leave a blank page.
      if (!(error instanceof ApiProblem) || error.status !== 401) {
        setState({ phase: "login", notice: error instanceof ApiProblem ? error.titleJa : "エラーが発生しました" });
      }
    });
  }, [api, enter]);

  const logout = useCallback(async () => {
    try {
      await api.send("DELETE", "/api/session");
    } catch (error) {
      // An already-ended session is logged out anyway (the client switched screens itself).
      if (error instanceof ApiProblem && error.status === 401) return;
      throw error;
    }
    loggedIn.current = false;
    api.setCsrfToken(null);
    forgetPurpose();
    navigate("/");
    setState({ phase: "login", notice: "ログアウトしました" });
  }, [api]);

  if (state.phase === "loading") return <p className="visually-hidden">読み込み中</p>;
  if (state.phase === "login") return <LoginScreen api={api} notice={state.notice} onLoggedIn={(session) => enter(session, true)} />;
  return (
    <AppContext.Provider value={{ api, session: state.session }}>
      <Shell session={state.session} onLogout={logout} watch={watch} />
    </AppContext.Provider>
  );
}

function Shell({ session, onLogout, watch }: { session: Session; onLogout(): Promise<void>; watch: ProtectionWatch }) {
  const path = usePath();
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutProblem, setLogoutProblem] = useState<string | null>(null);
  const screen = screenAt(session, path);
  const View = screen ? VIEWS[screen.path] : undefined;

  // A purpose is bound to its journey: entering the next one carries it only where that continues it.
  useEffect(() => followJourney(path), [path]);

  useEffect(() => {
    // The bare address leads to this user's first screen (an operator has no ホーム).
    if (!screen && path === "/") navigate(landingPath(session), { replace: true });
  }, [screen, path, session]);

  function logout() {
    setLoggingOut(true);
    onLogout().catch((error: unknown) => {
      setLoggingOut(false);
      setLogoutProblem(error instanceof ApiProblem ? error.titleJa : "ログアウトできませんでした");
    });
  }

  return (
    <>
      <a className="skip-link" href="#main">
        本文へスキップ
      </a>
      <AppHeader session={session} onLogout={logout} loggingOut={loggingOut} />
      <div className="app-layout">
        <SideNavigation screens={screensFor(session)} currentPath={menuPathAt(session, path)} />
        <main className="page" id="main">
          {session.kind === "staff" ? (
            <p className="account-links">
              <Link href="/account/password">パスワード変更</Link>
            </p>
          ) : null}
          <ProtectionWarning watch={watch} path={path} revealed={readsProtection(session)} />
          {logoutProblem ? <Notice kind="error">{logoutProblem}</Notice> : null}
          {View ? <View /> : path === "/" ? null : <Unavailable path={path} session={session} />}
        </main>
      </div>
    </>
  );
}

/** An address that is no screen, or a screen this user's roles do not open. */
function Unavailable({ path, session }: { path: string; session: Session }) {
  const exists = screenExists(path);
  return (
    <Notice kind="error">
      {exists ? "この画面を開く権限がありません。" : "指定された画面は見つかりません。"}
      <Link href={landingPath(session)}>最初の画面へ戻る</Link>
    </Notice>
  );
}
