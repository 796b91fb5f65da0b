import { YEARS } from '../../../shared/api/common';

/** Header names in Danish or English, as HR systems and people write them, mapped to our fields. */
export type ImportField = 'name' | 'firstName' | 'lastName' | 'email' | 'jobTitle' | 'department' | 'employmentStart';

const ALIASES: Record<ImportField, string[]> = {
  name: ['navn', 'fuldtnavn', 'fuldenavn', 'medarbejder', 'medarbejdernavn', 'name', 'fullname', 'employee', 'employeename'],
  firstName: ['fornavn', 'firstname', 'givenname'],
  lastName: ['efternavn', 'lastname', 'surname', 'familyname'],
  email: ['email', 'mail', 'emailadresse', 'mailadresse', 'arbejdsmail', 'emailaddress', 'workemail'],
  jobTitle: ['stilling', 'titel', 'jobtitel', 'stillingsbetegnelse', 'jobtitle', 'title', 'position'],
  department: ['afdeling', 'afd', 'department', 'dept', 'unit'],
  employmentStart: ['ansættelsesdato', 'ansaettelsesdato', 'ansatdato', 'ansat', 'startdato', 'tiltrædelsesdato', 'startdate', 'employmentstart', 'hiredate', 'employmentstartdate'],
};

const normalise = (h: string) => h.toLowerCase().replace(/[^a-zæøå]/g, '');

export function mapColumns(header: string[]): Partial<Record<ImportField, number>> {
  const map: Partial<Record<ImportField, number>> = {};
  header.forEach((h, index) => {
    const n = normalise(h);
    for (const [field, aliases] of Object.entries(ALIASES) as [ImportField, string[]][]) {
      if (map[field] === undefined && aliases.includes(n)) map[field] = index;
    }
  });
  return map;
}

/** Accepts the date formats Danish spreadsheets use (dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy) and ISO. */
export function parseDanishDate(value: string): string | null {
  const v = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  const dk = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(v);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dk) [d, m, y] = [Number(dk[1]), Number(dk[2]), Number(dk[3])];
  else return null;
  if (y < YEARS.min || y > YEARS.max) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
