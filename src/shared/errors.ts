// One error type with stable codes. Domain code throws AppError('ORGANISATION_NOT_FOUND'); the HTTP
// layer maps the code to a status and a translated message (errors.<CODE> in the i18n files).
export const errorStatus = {
  NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  /** Also for referrals that exist but are not the asker's to see. */
  REFERRAL_NOT_FOUND: 404,
  /** The other person handling the referral answered it a moment before. */
  REFERRAL_CHANGED: 409,
  /** An API request without a valid organisation token. */
  API_TOKEN_INVALID: 401,
  VALIDATION_FAILED: 400,
  /** An address that cannot be read (bad percent-encoding). */
  BAD_URL: 400,
  /** A form with a value no field of that kind may hold (a line break in a name). */
  FORM_INVALID: 400,
  PLACE_NOT_FOUND: 400,
  /** A link from an e-mail that was tampered with, used already or expired. */
  TOKEN_INVALID: 400,
  LOGIN_FAILED: 401,
  /** A page or action that needs a signed-in person. */
  UNAUTHENTICATED: 401,
  EMAIL_NOT_VERIFIED: 403,
  FORBIDDEN: 403,
  /** A form without a valid anti-forgery token: usually a page left open too long. */
  CSRF_FAILED: 403,
  RATE_LIMITED: 429,
  /** Someone else changed or decided the same thing a moment before. */
  CONFLICT: 409,
  /** An organisation always keeps at least one admin. */
  LAST_ADMIN: 409,
  ALREADY_MEMBER: 409,
  /** Moderating (verifying, deciding a claim on) an organisation one belongs to. */
  OWN_ORGANISATION: 403,
  /** An invitation opened while logged in with another address than the invited one. */
  INVITATION_OTHER_ADDRESS: 403,
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
  /** The translated message's key under "fields.", for forms that show it next to the field. */
  code?: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  /** For RATE_LIMITED: when to try again. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    options: { fields?: FieldProblem[]; cause?: unknown; message?: string; retryAfterSeconds?: number } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
