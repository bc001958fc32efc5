// What the logs may not hold: one-time tokens (they travel in query strings: reset, verification,
// invitation and confirmation links), passwords, session ids and e-mail addresses. Whoever reads
// production logs must not be able to open an account from them.
//
// Three layers: request URLs are logged with their query values replaced; errors drop the
// parameters a failed query carries (Drizzle puts them in the message); and every line passes a
// last filter that blanks e-mail addresses, which can also arrive inside a mail server's or the
// database's own error text.
import type { FastifyRequest } from 'fastify';

const redacted = '[redacted]';

/** "/en/password/reset?token=abc&x=1" -> "/en/password/reset?token=[redacted]&x=[redacted]". */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .map((pair) => {
      const key = pair.split('=', 1)[0]!;
      return pair.includes('=') ? `${key}=${redacted}` : key;
    })
    .join('&');
  return `${url.slice(0, start)}?${query}`;
}

// Anything shaped like an address, as the sign-up form takes them (any letters, not only ASCII,
// "josé@exemple.be", "x@[10.0.0.1]"), also with a percent-encoded "@" (%40) as in a URL. It stops at
// the characters that end a word in a log line: spaces, quotes, brackets, commas, colons.
const emailPattern = /[^\s"'<>(),;:@&=?/\\]+(?:@|%40)[^\s"'<>(),;:@&?/\\]+/giu;

/** Blanks every e-mail address in a log line. */
export function scrubLogLine(line: string): string {
  return line.replace(emailPattern, '[email]');
}

/** Fastify's request serializer, without query values, headers or the client's port. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: unknown;
  constraint?: unknown;
  cause?: SerializedError;
}

/** An error with its cause chain, minus the parameters of a failed query. */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: '' };
  const message = error.message.replace(/\nparams:[\s\S]*$/, '\nparams: [redacted]');
  const serialized: SerializedError = {
    type: error.name,
    message,
    stack: error.stack?.replace(error.message, message) ?? '',
  };
  // PostgreSQL's code and constraint say what failed; its "detail" would quote the values.
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== undefined) serialized.code = code;
  if (constraint !== undefined) serialized.constraint = constraint;
  if (error.cause && depth < 5) serialized.cause = serializeError(error.cause, depth + 1);
  return serialized;
}

/** A destination for pino that filters each line before it is written. */
export function redactingDestination(out: { write(line: string): unknown } = process.stdout) {
  return { write: (line: string) => out.write(scrubLogLine(line)) };
}
