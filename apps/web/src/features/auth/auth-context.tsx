import { useApolloClient } from '@apollo/client/react';
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { currentLocale, isAppLocale, switchLocale } from '../../lib/i18n';
import { LogoutDocument, SetLocaleDocument } from './operations';
import { endSession, renewSession, startSession, subscribeToSession, type SessionPayload, type Viewer } from './session';
import { forgetViewer, rememberedViewer, rememberViewer } from './viewer-cache';

export type AuthState =
  | { status: 'restoring' }
  | { status: 'anonymous'; reason: 'start' | 'expired' | 'logged-out' | 'password-changed' }
  | { status: 'authenticated'; viewer: Viewer };

interface AuthContextValue {
  state: AuthState;
  /** After a successful `login` mutation. */
  signIn: (payload: SessionPayload) => void;
  signOut: () => Promise<void>;
  /** After `changePassword`: the API has ended every session of the user and cleared the cookie; this browser forgets its own. */
  passwordChanged: () => Promise<void>;
  /** Replaces the viewer after a mutation that returns it (e.g. `setLocale`). */
  updateViewer: (viewer: Viewer) => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** Restoring a session happens once per page load, even when React mounts the provider twice. */
let restoration: ReturnType<typeof renewSession> | null = null;

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [state, setState] = useState<AuthState>({ status: 'restoring' });

  useEffect(() => {
    let active = true;
    restoration ??= renewSession();
    void restoration.then(async (result) => {
      if (!active) return;
      if (result.ok) {
        // A restored session takes the language saved on the account.
        const saved = result.payload.viewer.locale;
        if (isAppLocale(saved)) await switchLocale(saved);
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
  }, []);

  useEffect(
    () =>
      subscribeToSession((event) => {
        if (event.type === 'expired') {
          void client.clearStore();
          void forgetViewer();
          setState({ status: 'anonymous', reason: 'expired' });
        } else {
          setState((previous) => (previous.status === 'authenticated' ? { status: 'authenticated', viewer: event.viewer } : previous));
        }
      }),
    [client],
  );

  const signIn = useCallback(
    (payload: SessionPayload) => {
      startSession(payload);
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

  const forgetSession = useCallback(
    async (reason: 'logged-out' | 'password-changed') => {
      endSession();
      await client.clearStore();
      await forgetViewer();
      setState({ status: 'anonymous', reason });
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await client.mutate({ mutation: LogoutDocument });
    } catch {
      // The session ends in this browser regardless; the cookie expires on its own.
    }
    await forgetSession('logged-out');
  }, [client, forgetSession]);

  const passwordChanged = useCallback(() => forgetSession('password-changed'), [forgetSession]);

  const updateViewer = useCallback((viewer: Viewer) => {
    setState((previous) => (previous.status === 'authenticated' ? { status: 'authenticated', viewer } : previous));
  }, []);

  useEffect(() => {
    if (state.status === 'authenticated') void rememberViewer(state.viewer);
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
