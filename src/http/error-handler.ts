// One place turns errors into responses: JSON under /api, a translated page elsewhere. Clients see
// a stable code and a message, never a stack trace; only unexpected errors are logged as errors.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type MessageKey, type MessageValues, type Translator, translator } from '../i18n/index.ts';
import { AppError, type ErrorCode, errorMessageKey, type FieldProblem } from '../shared/errors.ts';
import { ErrorPage } from '../views/error-page.tsx';
import type { WebDeps } from './deps.ts';
import { localeOf, pageContext } from './request-context.ts';
import { sendHtml } from './send-html.ts';

interface ValidationItem {
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** Fastify's schema errors as one problem per field, named as the client wrote it. */
function fieldProblems(error: FastifyError): FieldProblem[] {
  const items = (error.validation ?? []) as ValidationItem[];
  const byField = new Map<string, FieldProblem>();
  for (const item of items) {
    const missing = item.params?.missingProperty as string | undefined;
    // "/access/0" names the parameter "access", as the client wrote it.
    const path = (item.instancePath ?? '')
      .replace(/^\//, '')
      .replace(/\/\d+$/, '')
      .replace(/\//g, '.');
    const field = missing ?? (path || error.validationContext || 'request');
    // A union reports once per branch; the reader needs one line per field.
    if (!byField.has(field)) byField.set(field, { field, message: item.message ?? 'is invalid' });
  }
  return [...byField.values()];
}

const csrfErrors = new Set(['FST_CSRF_MISSING_SECRET', 'FST_CSRF_INVALID_TOKEN']);
/** An address that cannot be decoded ("/fr/%E0%A4%A"), or a part of it far too long. */
const badUrlErrors = new Set(['FST_ERR_BAD_URL', 'FST_ERR_MAX_PARAM_LENGTH']);

/** An error as the client will hear of it: its own code, or the one its kind (or its cause) gives. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError;
  if (csrfErrors.has(fastifyError.code)) return new AppError('CSRF_FAILED', { cause: error });
  if (badUrlErrors.has(fastifyError.code)) return new AppError('BAD_URL', { cause: error });
  if (fastifyError.validation)
    return new AppError('VALIDATION_FAILED', { fields: fieldProblems(fastifyError), cause: error });
  const status = fastifyError.statusCode;
  if (status === 404) return new AppError('NOT_FOUND', { cause: error });
  if (status && status >= 400 && status < 500) {
    return new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'request', message: fastifyError.message }],
      cause: error,
    });
  }
  if (isConnectionError(error)) return new AppError('DATABASE_UNAVAILABLE', { cause: error });
  if (isConflict(error)) return new AppError('CONFLICT', { cause: error });
  return new AppError('INTERNAL', { cause: error });
}

/** Unique violation, serialisation failure, deadlock: a race lost to a parallel write, not a fault. */
const conflictCodes = new Set(['23505', '40001', '40P01']);

function isConflict(error: unknown): boolean {
  return causes(error).some((e) => conflictCodes.has((e as { code?: string }).code ?? ''));
}

/** An error and its causes (Drizzle wraps pg's errors), at most five deep. */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e);
  return chain;
}

const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
]);

/** A lost or unreachable database, anywhere in the error's cause chain (Drizzle wraps pg's errors). */
function isConnectionError(error: unknown): boolean {
  return causes(error).some((e) => {
    const code = (e as { code?: string }).code ?? '';
    return (
      connectionCodes.has(code) ||
      code.startsWith('08') ||
      /timeout exceeded when trying to connect|Connection terminated|Query read timeout/i.test(e.message)
    );
  });
}

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/metrics';
}

/** The translated message of an error, with what it needs to say (e.g. how long to wait). */
export function errorMessage(t: Translator, error: AppError): string {
  return t.t(errorMessageKey(error.code) as MessageKey, errorValues(error));
}

function errorValues(error: AppError): MessageValues | undefined {
  if (error.code === 'RATE_LIMITED')
    return { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) };
  return undefined;
}

const beforeRoutingHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
};

/** Answers a request with the site's error page (or JSON under /api) for an error. */
export type ErrorResponder = (
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<unknown>;

export function registerErrorHandling(app: FastifyInstance, deps: WebDeps): ErrorResponder {
  const respond = async (error: AppError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = localeOf(request);
    const t = translator(locale);
    const message = errorMessage(t, error);
    if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
    if (error.challenge) reply.header('www-authenticate', error.challenge);
    if (error.code === 'UNAUTHENTICATED' && !isApi(request) && request.method === 'GET') {
      const ended = request.sessionEnded ? '&ended=1' : '';
      return reply.redirect(`/${locale}/login?next=${encodeURIComponent(request.url)}${ended}`, 303);
    }
    // A form sent after its session ended (logged out elsewhere, expired) carries a token of that
    // session: the person needs the log-in page, not "form expired".
    if (error.code === 'CSRF_FAILED' && request.sessionEnded && !isApi(request))
      return reply.redirect(`/${locale}/login?ended=1`, 303);
    if (isApi(request)) {
      return reply.code(error.status).send({
        error: error.code,
        message,
        // Each field's message in the reader's language where the platform words it, as a form shows it.
        ...(error.fields.length
          ? {
              fields: error.fields.map((f) =>
                f.code && t.has(`fields.${f.code}`)
                  ? { ...f, message: t.t(`fields.${f.code}` as MessageKey, f.values) }
                  : f,
              ),
            }
          : {}),
      });
    }
    let showDemoBanner = false;
    if (error.code !== 'DATABASE_UNAVAILABLE' && error.code !== 'INTERNAL')
      showDemoBanner = await deps.demoBanner().catch(() => false);
    const ctx = pageContext(request, deps.config, showDemoBanner);
    return sendHtml(
      reply,
      ErrorPage({ ctx, code: error.code as ErrorCode, fields: error.fields, values: errorValues(error) }),
      error.status,
    );
  };

  app.setErrorHandler(async (raw, request, reply) => {
    const error = toAppError(raw);
    if (error.status >= 500) request.log.error({ err: raw, code: error.code }, 'request failed');
    // A lost race answers 409, but it says where a use case should check first: worth a look.
    else if (error.code === 'CONFLICT' && !(raw instanceof AppError))
      request.log.warn({ err: raw, code: error.code }, 'request lost a race');
    else request.log.info({ code: error.code, fields: error.fields }, 'request refused');
    return respond(error, request, reply);
  });

  app.setNotFoundHandler(async (request, reply) => respond(new AppError('NOT_FOUND'), request, reply));
  // Errors Fastify meets before routing (a URL that cannot be decoded): the same pages, logged alike.
  // No hook has run, so the security headers the helmet plugin would add are set here.
  return async (raw, request, reply) => {
    const error = toAppError(raw);
    request.log.info({ code: error.code }, 'request refused');
    reply.headers(beforeRoutingHeaders);
    try {
      return await respond(error, request, reply);
    } catch (failure) {
      request.log.error({ err: failure }, 'error page failed');
      return reply.code(error.status).type('text/plain; charset=utf-8').send(error.code);
    }
  };
}
