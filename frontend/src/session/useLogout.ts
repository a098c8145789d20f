import { useQueryClient } from '@tanstack/react-query';
import { call, rest } from '../api/client';
import { sessionStore } from './store';

/** End the session here and at the identity provider; keep nothing of it in memory. */
export function useLogout() {
  const queryClient = useQueryClient();
  return async () => {
    const { end_session_url } = await call(rest.POST('/auth/logout'));
    sessionStore.signedOut();
    queryClient.clear();
    window.location.assign(end_session_url ?? '/inloggen?uitgelogd=1');
  };
}
