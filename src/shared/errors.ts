// One error type with stable codes. Domain code throws AppError('ORGANISATION_NOT_FOUND'); the HTTP
// layer maps the code to a status and a translated message (errors.<CODE> in the i18n files).
export const errorStatus = {
  NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  PLACE_NOT_FOUND: 400,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  SEARCH_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldProblem {
  /** The parameter or field, e.g. "page" or "per_page". */
  field: string;
  /** A machine-readable reason, e.g. "must be >= 1". */
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];

  constructor(code: ErrorCode, options: { fields?: FieldProblem[]; cause?: unknown; message?: string } = {}) {
    super(options.message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
