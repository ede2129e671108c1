import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { api, ok, session } from '../api/client';
import { decodeClaims } from '../api/session';
import type { User } from '../api/types';

export interface Viewer {
  id: string;
  email: string | undefined;
  role: string;
  displayName: string | undefined;
  isAdmin: boolean;
}

interface AuthValue {
  viewer: Viewer | undefined;
  signIn(email: string, password: string): Promise<void>;
  signUp(email: string, password: string, displayName: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthValue | undefined>(undefined);

const accessTokenSnapshot = () => session.tokens()?.accessToken;

export function AuthProvider({ children }: { children: ReactNode }) {
  const accessToken = useSyncExternalStore(session.subscribe, accessTokenSnapshot);
  const claims = useMemo(
    () => (accessToken ? decodeClaims(accessToken) : undefined),
    [accessToken],
  );
  const [profile, setProfile] = useState<User>();
  const userId = claims?.sub;

  useEffect(() => {
    if (!userId) {
      setProfile(undefined);
      return;
    }
    let current = true;
    ok(api.GET('/api/v1/users/me')).then(
      (user) => current && setProfile(user),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [userId]);

  const value = useMemo<AuthValue>(() => {
    const viewer: Viewer | undefined = claims && {
      id: claims.sub,
      email: claims.email ?? profile?.email,
      role: claims.role,
      displayName: profile?.id === claims.sub ? (profile.displayName ?? undefined) : undefined,
      isAdmin: claims.role === 'admin',
    };
    return {
      viewer,
      async signIn(email, password) {
        const tokens = await ok(api.POST('/api/v1/auth/login', { body: { email, password } }));
        session.signIn({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
      },
      async signUp(email, password, displayName) {
        await ok(
          api.POST('/api/v1/auth/register', {
            body: { email, password, ...(displayName ? { displayName } : {}) },
          }),
        );
        const tokens = await ok(api.POST('/api/v1/auth/login', { body: { email, password } }));
        session.signIn({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken });
      },
      signOut: () => session.signOut(),
    };
  }, [claims, profile]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
