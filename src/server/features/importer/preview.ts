import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { departments, people } from '../../db/schema/index';
import { ZEmail } from '../../../shared/schemas';
import { AppError, type FieldError } from '../../platform/errors';
import { mapColumns, parseDanishDate } from './columns';
import { parseCsv, type ParsedCsv } from './csv';

export type ImportRow = {
  line: number;
  name: string;
  email: string;
  jobTitle: string | null;
  department: string | null;
  departmentId: string | null;
  employmentStart: string | null;
  action: 'create' | 'update' | 'unchanged';
  personId: string | null;
  errors: FieldError[];
};

export type ImportPlan = {
  encoding: ParsedCsv['encoding'];
  separator: ParsedCsv['separator'];
  columns: string[];
  rows: ImportRow[];
};

export const MAX_IMPORT_ROWS = 20_000;

/**
 * Reads the file and checks every row against the school, writing nothing: bad e-mail, unknown
 * department, a duplicate in the file, a bad date. Rows are matched to people by e-mail.
 */
export async function planImport(exec: Executor, schoolId: string, bytes: Uint8Array): Promise<ImportPlan> {
  const csv = parseCsv(bytes);
  if (csv.header.length === 0) throw new AppError(422, 'validation_failed', { fields: [{ field: 'body', key: 'validation.empty_file' }] });
  const cols = mapColumns(csv.header);
  const missing: FieldError[] = [];
  if (cols.name === undefined && (cols.firstName === undefined || cols.lastName === undefined)) {
    missing.push({ field: 'body', key: 'validation.missing_column', vars: { column: 'Navn / Name' } });
  }
  if (cols.email === undefined) missing.push({ field: 'body', key: 'validation.missing_column', vars: { column: 'E-mail' } });
  if (missing.length) throw new AppError(422, 'validation_failed', { fields: missing });
  if (csv.records.length > MAX_IMPORT_ROWS) throw new AppError(413, 'body_too_large');

  const depts = await exec.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.schoolId, schoolId));
  const deptByName = new Map(depts.map((d) => [d.name.trim().toLowerCase(), d.id]));
  const existing = await exec
    .select({ id: people.id, email: people.email, name: people.name, jobTitle: people.jobTitle, departmentId: people.departmentId, employmentStart: people.employmentStart })
    .from(people)
    .where(eq(people.schoolId, schoolId));
  const byEmail = new Map(existing.map((p) => [p.email.toLowerCase(), p]));
  const seen = new Map<string, number>();

  const cell = (cells: string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
  const rows = csv.records.map(({ line, cells }): ImportRow => {
    const errors: FieldError[] = [];
    const name = cols.name !== undefined ? cell(cells, cols.name) : `${cell(cells, cols.firstName)} ${cell(cells, cols.lastName)}`.trim();
    const rawEmail = cell(cells, cols.email);
    let jobTitle = cell(cells, cols.jobTitle) || null;
    const department = cell(cells, cols.department) || null;
    const rawDate = cell(cells, cols.employmentStart);
    if (!name) errors.push({ field: 'name', key: 'validation.required' });
    else if (name.length > 200) errors.push({ field: 'name', key: 'validation.too_long', vars: { max: 200 } });
    const parsedEmail = ZEmail.safeParse(rawEmail);
    const email = parsedEmail.success ? parsedEmail.data : rawEmail.toLowerCase();
    if (!rawEmail) errors.push({ field: 'email', key: 'validation.required' });
    else if (!parsedEmail.success) errors.push({ field: 'email', key: 'validation.invalid_email' });
    else {
      const first = seen.get(email);
      if (first !== undefined) errors.push({ field: 'email', key: 'validation.duplicate_in_file', vars: { line: first } });
      else seen.set(email, line);
    }
    let departmentId: string | null = null;
    if (department) {
      departmentId = deptByName.get(department.toLowerCase()) ?? null;
      if (!departmentId) errors.push({ field: 'department', key: 'validation.unknown_department' });
    }
    let employmentStart: string | null = null;
    if (rawDate) {
      employmentStart = parseDanishDate(rawDate);
      if (!employmentStart) errors.push({ field: 'employmentStart', key: 'validation.invalid_format' });
    }
    const match = parsedEmail.success ? byEmail.get(email) : undefined;
    // A file without a job-title column leaves job titles alone (as a missing department or date does).
    if (cols.jobTitle === undefined && match) jobTitle = match.jobTitle;
    const unchanged =
      match &&
      match.name === name &&
      match.jobTitle === jobTitle &&
      (department === null || match.departmentId === departmentId) &&
      (employmentStart === null || match.employmentStart === employmentStart);
    return {
      line,
      name,
      email,
      jobTitle,
      department,
      departmentId,
      employmentStart,
      action: match ? (unchanged ? 'unchanged' : 'update') : 'create',
      personId: match?.id ?? null,
      errors,
    };
  });
  return { encoding: csv.encoding, separator: csv.separator, columns: csv.header, rows };
}

export const summarise = (rows: ImportRow[]) => ({
  total: rows.length,
  create: rows.filter((r) => r.errors.length === 0 && r.action === 'create').length,
  update: rows.filter((r) => r.errors.length === 0 && r.action === 'update').length,
  unchanged: rows.filter((r) => r.errors.length === 0 && r.action === 'unchanged').length,
  errors: rows.filter((r) => r.errors.length > 0).length,
});
