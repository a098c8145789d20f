/**
 * Dutch personal names. A tussenvoegsel ("de", "van der") belongs in the name as written but not
 * in the sort order: "Emma de Vries" sorts under V, as "Vries, Emma de" (the API sorts lists).
 */
export interface PersonName {
  given_name?: string;
  givenName?: string;
  preferred_name?: string | null;
  preferredName?: string | null;
  infix?: string | null;
  family_name?: string;
  familyName?: string;
}

function parts(name: PersonName) {
  const given = name.given_name ?? name.givenName ?? '';
  const preferred = name.preferred_name ?? name.preferredName ?? null;
  return {
    first: preferred?.trim() || given,
    infix: name.infix?.trim() || '',
    family: name.family_name ?? name.familyName ?? '',
  };
}

/** "Emma de Vries": how people are addressed (roepnaam if there is one). */
export function fullName(name: PersonName): string {
  const { first, infix, family } = parts(name);
  return [first, infix, family].filter(Boolean).join(' ');
}

/** "Vries, Emma de": how school lists show and sort a name. */
export function listName(name: PersonName): string {
  const { first, infix, family } = parts(name);
  return `${family}, ${[first, infix].filter(Boolean).join(' ')}`;
}

/** "E. de Vries": for staff in compact places (mentor of a group). */
export function shortName(name: PersonName): string {
  const { first, infix, family } = parts(name);
  return [first ? `${first[0]}.` : '', infix, family].filter(Boolean).join(' ');
}
