import { Navigate } from 'react-router';
import { SECTION_PATHS, sectionsFor } from '../lib/roles';
import { pickSchool, useSession } from '../session/useMe';

/** "/" goes to the first section a person may use: Mijn groepen for mentors and teachers. */
export function StartPage() {
  const me = useSession();
  const school = pickSchool(me);
  if (!school) return null; // RequireSession shows "no access" for accounts without schools
  const section = sectionsFor(school.roles)[0] ?? 'students';
  return <Navigate to={`/scholen/${school.id}/${SECTION_PATHS[section]}`} replace />;
}
