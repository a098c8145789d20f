import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { call, rest, type Schemas } from '../api/client';
import { sessionStore } from './store';

export type Me = Schemas['MeRead'];
export type MySchool = Schemas['MySchool'];

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me> {
  const me = await call(rest.GET('/api/v1/me'));
  if (me.csrf_token) sessionStore.signedIn(me.csrf_token);
  return me;
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
}

// The last school a person with several schools worked in (an id, not personal data).
const SCHOOL_KEY = 'zorgroute.school';

export function rememberSchool(schoolId: string) {
  localStorage.setItem(SCHOOL_KEY, schoolId);
}

/** The school being worked in: from the URL, else the last one used, else the first. */
export function pickSchool(me: Me, fromUrl?: string): MySchool | undefined {
  const wanted = fromUrl ?? localStorage.getItem(SCHOOL_KEY);
  return me.schools.find((s) => s.id === wanted) ?? (fromUrl ? undefined : me.schools[0]);
}

/** For pages inside the session: me is loaded (RequireSession renders them only then). */
export function useSession() {
  const { data } = useMe();
  if (!data) throw new Error('useSession is only for pages inside RequireSession');
  return data;
}

export function useCurrentSchool(): MySchool | undefined {
  const me = useSession();
  const { schoolId } = useParams();
  return pickSchool(me, schoolId);
}
