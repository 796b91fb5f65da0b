/** A field error: the field's path (dotted) and a message key with its variables. */
export type FieldError = { field: string; key: string; vars?: Record<string, string | number> };

/**
 * Every expected failure is an AppError. The error handler turns it into RFC 9457
 * problem+json with a stable `code` and a localised title.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly options: { fields?: FieldError[]; detailKey?: string; vars?: Record<string, string | number>; headers?: Record<string, string> } = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'not_found');
export const forbidden = () => new AppError(403, 'forbidden');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
export const invalid = (fields: FieldError[]) => new AppError(422, 'validation_failed', { fields });
export const conflict = (code: string, fields: FieldError[] = []) => new AppError(409, code, { fields });
