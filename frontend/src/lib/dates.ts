/** Dates as Dutch schools write them. API dates are calendar days ("2014-03-02"), not instants. */
function toLocale(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'nl-NL';
}

function parseDay(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1);
}

/** "2 maart 2014" */
export function formatDate(iso: string, language = 'nl'): string {
  return new Intl.DateTimeFormat(toLocale(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(parseDay(iso));
}

/** "02-03-2014": compact, for tables. */
export function formatShortDate(iso: string, language = 'nl'): string {
  return new Intl.DateTimeFormat(toLocale(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(parseDay(iso));
}

/** Age in whole years on a day (default today). */
export function ageOn(isoBirthDate: string, today = new Date()): number {
  const born = parseDay(isoBirthDate);
  let age = today.getFullYear() - born.getFullYear();
  const beforeBirthday =
    today.getMonth() < born.getMonth() ||
    (today.getMonth() === born.getMonth() && today.getDate() < born.getDate());
  if (beforeBirthday) age -= 1;
  return age;
}
