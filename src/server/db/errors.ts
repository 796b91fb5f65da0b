/** True when a query failed on a unique constraint (PGlite and node-postgres alike, wrapped or not). */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return err?.code === '23505' || err?.cause?.code === '23505';
}
