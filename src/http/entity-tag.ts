// Kept answers: serialised once, sent as bytes with their ETag made once, rather than hashed by the
// etag plugin for every reply. The ETag is weak, as the same tag goes with the plain body and its
// br/gzip codings (compression runs after it); @fastify/etag still answers 304 to a matching
// If-None-Match and leaves a set ETag alone.
import { createHash } from 'node:crypto';

export interface KeptAnswer {
  body: Buffer;
  etag: string;
}

const entityTag = (body: string | Buffer): string =>
  `W/"${createHash('sha1').update(body).digest('base64')}"`;

/** A serialised answer in a buffer of its own (a small Buffer.from shares an 8 KiB pool block it would keep alive). */
export function keptAnswer(text: string): KeptAnswer {
  const body = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  body.write(text);
  return { body, etag: entityTag(body) };
}
