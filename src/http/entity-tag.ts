// The ETag of a kept answer's bytes, made once when the answer is kept rather than by the etag
// plugin for every reply. Weak, as the same tag goes with the plain body and its br/gzip
// codings (compression runs after it); @fastify/etag still answers 304 to a matching If-None-Match.
import { createHash } from 'node:crypto';

export const entityTag = (body: string | Buffer): string =>
  `W/"${createHash('sha1').update(body).digest('base64')}"`;
