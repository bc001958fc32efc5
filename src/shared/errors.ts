// One error type with stable codes. Domain code throws AppError('ORGANISATION_NOT_FOUND'); the HTTP
// layer maps the code to a status and a translated message: "errors.<CODE>" in the kernel's
// messages, "<module>.errors.<CODE>" in the messages of the module that declares the code.
/** The kernel's codes and their HTTP status; each module declares its own in its module.ts. */
export const kernelErrors = {
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  /** An address that cannot be read (bad percent-encoding). */
  BAD_URL: 400,
  /** A form with a value no field of that kind may hold (a line break in a name). */
  FORM_INVALID: 400,
  /** A link from an e-mail that was tampered with, used already or expired. */
  TOKEN_INVALID: 400,
  /** A page or action that needs a signed-in person. */
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A form without a valid anti-forgery token: usually a page left open too long. */
  CSRF_FAILED: 403,
  RATE_LIMITED: 429,
  /** Someone else changed or decided the same thing a moment before. */
  CONFLICT: 409,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

/**
 * The codes modules declare with moduleErrors() in their manifests, added to this interface once
 * from the list of modules (modules/index.ts), so that AppError takes only known codes.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleErrorCodes {}

export type ErrorCode = keyof typeof kernelErrors | keyof ModuleErrorCodes;

interface ErrorDeclaration {
  status: number;
  /** The module whose messages hold "<module>.errors.<CODE>"; none for the kernel's "errors.<CODE>". */
  module?: string;
}

const declared = new Map<string, ErrorDeclaration>(
  Object.entries(kernelErrors).map(([code, status]) => [code, { status }]),
);

/** A module's error codes with their HTTP status, declared once for the whole process. */
export function moduleErrors<const Codes extends Record<string, number>>(
  module: string,
  codes: Codes,
): Codes {
  for (const [code, status] of Object.entries(codes)) {
    const earlier = declared.get(code);
    if (earlier && earlier.module !== module) throw new Error(`Error code ${code} is declared twice`);
    declared.set(code, { status, module });
  }
  return codes;
}

/** The message key of an error code: "errors.NOT_FOUND", or "referrals.errors.REFERRAL_NOT_FOUND". */
export function errorMessageKey(code: ErrorCode): string {
  const module = declared.get(code)?.module;
  return module ? `${module}.errors.${code}` : `errors.${code}`;
}

export interface FieldProblem {
  /** The parameter or field, e.g. "page" or "per_page". */
  field: string;
  /** A machine-readable reason, e.g. "must be >= 1". */
  message: string;
  /** The translated message's key under "fields.", for forms that show it next to the field. */
  code?: string;
  /** What the message names, e.g. the line of a list or the word that is taken. */
  values?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldProblem[];
  /** For RATE_LIMITED: when to try again. */
  readonly retryAfterSeconds?: number;
  /** For a 401 of the API: how to authenticate, the WWW-Authenticate header ('Bearer realm="…"'). */
  readonly challenge?: string;

  constructor(
    code: ErrorCode,
    options: {
      fields?: FieldProblem[];
      cause?: unknown;
      message?: string;
      retryAfterSeconds?: number;
      challenge?: string;
    } = {},
  ) {
    super(options.message ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.challenge = options.challenge;
  }

  /** 500 for a code no module declared: a programming error, as any other. */
  get status(): number {
    return declared.get(this.code)?.status ?? 500;
  }
}
