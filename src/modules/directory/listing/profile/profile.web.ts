// The profile form of a listing.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { WebDeps } from '../../../../http/deps.ts';
import { submitForm } from '../../../../http/form-route.ts';
import { type PageContext, pageFor } from '../../../../http/request-context.ts';
import type { FieldProblem } from '../../../../shared/errors.ts';
import { sendHtml } from '../../../../http/send-html.ts';
import { signedInContext } from '../../../../http/use-case-context.ts';
import { IdParams } from '../../directory.schemas.ts';
import {
  type getOrganisation,
  getOrganisationBrief,
  type OrganisationBrief,
} from '../../directory.service.ts';
import { organisationToEdit, pageToEdit } from '../to-edit.web.ts';
import { type FormValues, spread, textOf } from '../listing-forms.ts';
import { SavedQuery, textFields, text } from '../listing-schemas.ts';
import { editProfile } from './edit-profile.ts';
import { EditOrganisationPage } from './profile.page.tsx';

const OrganisationBody = Type.Object({
  ...textFields(['name', 'description'], ['description']),
  kind: text,
  kbo_number: text,
  email: text,
  website: text,
});

/** The profile page: the organisation's values as stored, or as posted and refused. */
export function profilePage(
  ctx: PageContext,
  org: OrganisationBrief,
  values: FormValues,
  state: { problems?: FieldProblem[]; saved?: boolean },
) {
  return EditOrganisationPage({
    ctx,
    organisationId: org.id,
    name: org.name,
    values,
    logoUpdatedAt: org.logoUpdatedAt,
    ...state,
  });
}

/** The form's values for an organisation as stored. */
export function profileValues(org: Awaited<ReturnType<typeof getOrganisation>>): FormValues {
  return {
    ...spread('name', org.name),
    ...spread('description', org.description),
    kind: org.kind,
    kbo_number: org.kboNumber ?? '',
    email: org.email ?? '',
    website: org.website ?? '',
  };
}

export const profileWeb: FastifyPluginAsyncTypebox<WebDeps> = async (app, deps) => {
  app.get(
    '/manage/organisations/:id/profile',
    { schema: { hide: true, params: IdParams, querystring: SavedQuery } },
    async (request, reply) => {
      const { record: org, ctx, saved } = await pageToEdit(request, deps, organisationToEdit);
      return sendHtml(reply, profilePage(ctx, org, profileValues(org), { saved }));
    },
  );

  app.post(
    '/manage/organisations/:id/profile',
    { schema: { hide: true, params: IdParams, body: OrganisationBody } },
    async (request, reply) => {
      const ctx = await pageFor(request, deps);
      const org = await getOrganisationBrief(deps.db, request.params.id);
      const body = request.body as Record<string, string | undefined>;
      const input = {
        name: textOf(body, 'name'),
        description: textOf(body, 'description'),
        kind: body.kind ?? '',
        kboNumber: body.kbo_number,
        email: body.email,
        website: body.website,
      };
      return submitForm(reply, () => editProfile(signedInContext(request, deps), org.id, input), {
        redirect: () => `/${ctx.locale}/manage/organisations/${org.id}/profile?done=saved`,
        refused: (problems) => profilePage(ctx, org, body, { problems }),
      });
    },
  );
};
