import type { TPublicProvider } from '../../../shared/api/sign-in';

/** A school that offers sign-in through one or more providers. */
export type ProviderSchool = { id: string; name: string; providers: TPublicProvider[] };

/** The schools with providers, each once, sorted by name (Danish order), their providers in the server's order. */
export function schoolsOf(providers: readonly TPublicProvider[]): ProviderSchool[] {
  const byId = new Map<string, ProviderSchool>();
  for (const p of providers) {
    const school = byId.get(p.schoolId) ?? { id: p.schoolId, name: p.schoolName, providers: [] };
    school.providers.push(p);
    byId.set(p.schoolId, school);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

/**
 * Lower case without accents ("Ecole" finds "École"), spaces collapsed. Æ, ø and å stay letters of
 * their own: å's ring is kept when the accents are stripped.
 */
const fold = (s: string) =>
  s
    .toLocaleLowerCase('da')
    .normalize('NFD')
    .replace(/[\u0300-\u0309\u030b-\u036f]/g, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The schools whose name holds every word typed, in any order ("tech aarhus" finds "Aarhus
 * Tech"); names that start with the query first. An empty query finds nothing: the list is
 * shown only once the person has started typing their school's name.
 */
export function searchSchools(schools: readonly ProviderSchool[], query: string): ProviderSchool[] {
  const q = fold(query);
  if (!q) return [];
  const words = q.split(' ');
  const hits = schools.filter((s) => {
    const name = fold(s.name);
    return words.every((w) => name.includes(w));
  });
  const starts = (s: ProviderSchool) => (fold(s.name).startsWith(q) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b));
}

/** The providers of the school an invitation is for: the token names the school only by its name. */
export const providersOfSchool = (providers: readonly TPublicProvider[], schoolName: string | null): TPublicProvider[] =>
  schoolName === null ? [] : providers.filter((p) => p.schoolName === schoolName);
