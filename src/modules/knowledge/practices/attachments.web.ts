// A practice's PDF attachments on its change page: the upload form (multipart, works without
// JavaScript) and each attachment's remove button, for the members of its organisation. A refused
// file shows the change page again with the reason next to the file field.
//
// Body limit: multipart bodies are not measured by Fastify's bodyLimit, so this route says its own.
// A request that declares more than the largest file and its form's few fields is answered at once
// with the translated limit, unread; a smaller one is parsed with a file limit of one byte more than
// the largest file (a larger file, sent without a length, is cut there and the rest dropped), so
// the use case sees it is too large and says so the same way. Nothing is stored in either case.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { WebDeps } from '../../../http/deps.ts';
import { submitForm } from '../../../http/form-route.ts';
import { pageFor } from '../../../http/request-context.ts';
import { sendHtml } from '../../../http/send-html.ts';
import { signedInContext } from '../../../http/use-case-context.ts';
import type { FieldProblem } from '../../../shared/errors.ts';
import type { FormValues } from '../../../shared/form-values.ts';
import { one } from '../../../shared/form-values.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import { attachmentLimits } from '../knowledge.vocabulary.ts';
import { type AttachmentForm, PracticeFormPage } from '../views/practice-form.page.tsx';
import { addAttachment, attachmentField, attachmentTitleField } from './add-attachment.ts';
import { practiceValues } from './practice-form.ts';
import { practiceFormData, practiceToEdit } from './practice-form-data.web.ts';
import { SlugParams } from './practices.web.ts';
import { removeAttachment } from './remove-attachment.ts';

/** The largest file and room for the form's other fields (its token, three titles) and its framing. */
export const attachmentBodyLimit = attachmentLimits.maxBytes + 64 * 1024;

const tooBig = (): FieldProblem => ({
  field: attachmentField,
  message: 'is too big',
  code: 'attachment_too_big',
  values: { mb: attachmentLimits.maxBytes / (1024 * 1024) },
});

const AttachmentParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  attachmentId: Type.String({ maxLength: 64 }),
});

const editPath = (locale: string, slug: string) => `/${locale}/practices/${encodeURIComponent(slug)}/edit`;

export const attachmentsWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  /** The change page again, with the attachment form's values and problems. */
  async function pageWith(request: FastifyRequest, slug: string, attachment: AttachmentForm) {
    const { kctx, practice, editing } = await practiceToEdit(request, deps, slug);
    const ctx = await pageFor(request, deps);
    const values = practiceValues(practice, kctx.origin, kctx.locale);
    return PracticeFormPage({
      ctx,
      data: await practiceFormData(deps, kctx.actor.userId, values, editing),
      values,
      attachment,
    });
  }

  app.post(
    '/practices/:slug/attachments',
    {
      schema: { hide: true, params: SlugParams },
      config: { multipartOptions: { limits: { fileSize: attachmentLimits.maxBytes + 1 } } },
      // Before the body is read: a request larger than any allowed file is not parsed.
      preParsing: async (request, reply, payload) => {
        const declared = Number(request.headers['content-length']);
        if (!(declared > attachmentBodyLimit)) return payload;
        signedInContext(request, deps);
        const page = await pageWith(request, request.params.slug, { values: {}, problems: [tooBig()] });
        return sendHtml(reply, page, 413);
      },
    },
    async (request, reply) => {
      const kctx = signedInContext(request, deps);
      const body =
        request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
      const values: FormValues = Object.fromEntries(
        Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
      const file = body[attachmentField];
      const upload = Buffer.isBuffer(file) ? file : Buffer.alloc(0);
      const title: I18nText = Object.fromEntries(
        locales.map((l) => [l, one(values[`${attachmentTitleField}.${l}`]) ?? '']),
      );
      const fileName = request.uploadNames?.[attachmentField];
      return submitForm(reply, () => addAttachment(kctx, request.params.slug, { upload, fileName, title }), {
        redirect: ({ slug }) => `${editPath(kctx.locale, slug)}?done=added#attachments`,
        refused: (problems) => pageWith(request, request.params.slug, { values, problems }),
      });
    },
  );

  app.post(
    '/practices/:slug/attachments/:attachmentId/delete',
    { schema: { hide: true, params: AttachmentParams } },
    async (request, reply) => {
      const kctx = signedInContext(request, deps);
      const { slug } = await removeAttachment(kctx, request.params.slug, request.params.attachmentId);
      return reply.redirect(`${editPath(kctx.locale, slug)}?done=removed#attachments`, 303);
    },
  );
};
