import { useApolloClient } from '@apollo/client/react';
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { currentLocale, isAppLocale, switchLocale } from '../../lib/i18n';
import { LogoutDocument, SetLocaleDocument } from './operations';
import { claimDevice, clearDeviceData } from './device-data';
import { endSession, restoreSession, setLogoutOwed, startSession, subscribeToSession, type SessionPayload, type Viewer } from './session';
import { rememberedViewer, rememberViewer } from './viewer-cache';

export type AuthState =
  | { status: 'restoring' }
  /** Between the end of a session and the login page: the pages are gone while the device's data is removed. */
  | { status: 'ending' }
  | { status: 'anonymous'; reason: 'start' | 'expired' | 'logged-out' | 'password-changed' }
  | { status: 'authenticated'; viewer: Viewer };

interface AuthContextValue {
  state: AuthState;
  /** After a successful `login` mutation; resolves once the user is shown as logged in. */
  signIn: (payload: SessionPayload) => Promise<void>;
  /** Logs out and clears the device (features/auth/device-data.ts); the caller has sent or given up the roll-call queue. */
  signOut: () => Promise<void>;
  /** After `changePassword`: the API has ended every session of the user and cleared the cookie; this browser forgets its own. */
  passwordChanged: () => Promise<void>;
  /** Replaces the viewer after a mutation that returns it (e.g. `setLocale`). */
  updateViewer: (viewer: Viewer) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [state, setState] = useState<AuthState>({ status: 'restoring' });
  /** The user of the last session, for a session that ends without a logout (their unsent roll calls stay). */
  const userId = useRef<string | null>(null);

  useEffect(() => {
    let active = true;
    void restoreSession().then(async (result) => {
      if (!active) return;
      if (result.ok) {
        // A restored session takes the language saved on the account.
        const saved = result.payload.viewer.locale;
        await claimDevice(client, result.payload.viewer.userId);
        if (isAppLocale(saved)) await switchLocale(saved);
        if (!active) return;
        setState({ status: 'authenticated', viewer: result.payload.viewer });
      } else {
        // Offline at start: a network failure is not a logout. The renewal cookie is still valid, so the
        // last viewer is shown and the session is renewed once the network is back (see the roll-call sync).
        const remembered = result.reason === 'unreachable' ? await rememberedViewer() : null;
        if (!active) return;
        setState(remembered ? { status: 'authenticated', viewer: remembered } : { status: 'anonymous', reason: 'start' });
      }
    });
    return () => {
      active = false;
    };
  }, [client]);

  useEffect(
    () =>
      subscribeToSession((event) => {
        if (event.type === 'expired') {
          const owner = userId.current ?? undefined;
          setState({ status: 'ending' });
          void clearDeviceData(client, { keepUnsentOf: owner }).then(() => setState({ status: 'anonymous', reason: 'expired' }));
        } else {
          setState((previous) => (previous.status === 'authenticated' ? { status: 'authenticated', viewer: event.viewer } : previous));
        }
      }),
    [client],
  );

  const signIn = useCallback(
    async (payload: SessionPayload) => {
      startSession(payload);
      // The login replaced this browser's renewal cookie: an earlier logout still owed to the API no longer matters.
      setLogoutOwed(false);
      await claimDevice(client, payload.viewer.userId);
      setState({ status: 'authenticated', viewer: payload.viewer });
      // The user just logged in looking at the login page's language: keep it, and save it if it is new.
      const shown = currentLocale();
      if (payload.viewer.locale !== shown) {
        client
          .mutate({ mutation: SetLocaleDocument, variables: { locale: shown } })
          .then(({ data }) => {
            if (data) setState({ status: 'authenticated', viewer: data.setLocale });
          })
          .catch(() => undefined); // not saved on the account; still shown in this browser
      }
    },
    [client],
  );

  /** Ends the session in this browser: the pages go first (nothing more is fetched or stored), then the device's data. */
  const forgetSession = useCallback(
    async (reason: 'logged-out' | 'password-changed') => {
      const owner = userId.current ?? undefined;
      endSession();
      setState({ status: 'ending' });
      await clearDeviceData(client, { keepUnsentOf: reason === 'logged-out' ? undefined : owner });
      setState({ status: 'anonymous', reason });
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await client.mutate({ mutation: LogoutDocument });
    } catch {
      // The session ends in this browser regardless; the renewal cookie may still be valid (offline): the next
      // start sends the logout before anything else (session.ts).
      setLogoutOwed(true);
    }
    await forgetSession('logged-out');
  }, [client, forgetSession]);

  const passwordChanged = useCallback(() => forgetSession('password-changed'), [forgetSession]);

  const updateViewer = useCallback((viewer: Viewer) => {
    setState((previous) => (previous.status === 'authenticated' ? { status: 'authenticated', viewer } : previous));
  }, []);

  useEffect(() => {
    if (state.status !== 'authenticated') return;
    userId.current = state.viewer.userId;
    void rememberViewer(state.viewer);
  }, [state]);

  const value = useMemo(
    () => ({ state, signIn, signOut, passwordChanged, updateViewer }),
    [state, signIn, signOut, passwordChanged, updateViewer],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The logged-in viewer; only for components under the authenticated routes. */
export function useViewer(): Viewer {
  const { state } = useAuth();
  if (state.status !== 'authenticated') throw new Error('useViewer needs an authenticated session');
  return state.viewer;
}
