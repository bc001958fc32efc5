// Parts of the questions' pages: who wrote a post for which organisation, the directory's cards
// under an answer, the link to report a post and the moderators' hide and restore forms.
import type { PageContext } from '../../../../http/request-context.ts';
import { type I18nText, pickText } from '../../../../shared/i18n-text.ts';
import { formFields } from '../../../../views/form-fields.tsx';
import { Form, PostButton } from '../../../../views/forms.tsx';
import { geoReference } from '../../../geo/index.ts';
import { postLimits } from '../../network.vocabulary.ts';
import type { Byline as BylineData, DirectoryCard } from '../page-data.ts';

export const nameIn = (ctx: PageContext, name: I18nText | null | undefined) =>
  pickText(name, ctx.locale)?.text ?? '';

export function communeLabel(ctx: PageContext, nis: string): string {
  const commune = geoReference().communes.find((c) => c.nis === nis);
  if (!commune) return nis;
  return ctx.locale === 'fr'
    ? commune.name.fr
    : ctx.locale === 'nl'
      ? commune.name.nl
      : `${commune.name.fr} / ${commune.name.nl}`;
}

export function Byline({
  ctx,
  by,
  at,
  edited,
}: {
  ctx: PageContext;
  by: BylineData;
  at: Date;
  /** When its author last changed it. */
  edited: Date | null;
}) {
  const { t } = ctx;
  const who =
    by.authorName ?? t.t(by.demo ? 'network.question.demo_member' : 'network.question.former_member');
  const org = nameIn(ctx, by.organisationName);
  return (
    <p class="byline">
      <span safe>{org ? t.t('network.question.by_for', { name: who, organisation: org }) : who}</span>
      {' · '}
      <time datetime={at.toISOString()} safe>
        {t.date(at)}
      </time>
      {edited ? (
        <>
          {' · '}
          <span safe>{t.t('network.post.edited')}</span>{' '}
          <time datetime={edited.toISOString()} safe>
            {t.date(edited)}
          </time>
        </>
      ) : (
        ''
      )}
    </p>
  );
}

/** The services and organisations an answer points to, as small cards. */
export function DirectoryCards({ ctx, cards }: { ctx: PageContext; cards: DirectoryCard[] }) {
  if (!cards.length) return '';
  const { t } = ctx;
  return (
    <ul class="cards answer-cards" aria-label={t.t('network.answer.cards')}>
      {cards.map((card) => (
        <li class="card">
          <h4>
            <a
              href={`/${ctx.locale}/${card.kind === 'service' ? 'services' : 'organisations'}/${card.id}`}
              safe
            >
              {nameIn(ctx, card.name)}
            </a>
          </h4>
          <p class="summary" safe>
            {card.kind === 'service'
              ? t.t('network.answer.card_service', { organisation: nameIn(ctx, card.organisation) })
              : t.t('network.answer.card_organisation')}
          </p>
          {card.communes.length ? (
            <p class="count" safe>
              {card.communes.map((c) => communeLabel(ctx, c)).join(', ')}
            </p>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  );
}

export type PostRef = { kind: 'question' | 'answer'; id: string };
const postPath = (ctx: PageContext, post: PostRef) =>
  `/${ctx.locale}/${post.kind === 'question' ? 'questions' : 'answers'}/${post.id}`;

/** The link to its author's form that changes a post. */
export function EditLink({ ctx, post }: { ctx: PageContext; post: PostRef }) {
  return (
    <p class="post-edit">
      <a href={`${postPath(ctx, post)}/edit`}>
        {ctx.t.html(post.kind === 'question' ? 'network.question.edit' : 'network.answer.edit')}
      </a>
    </p>
  );
}

/** The link to the report form of a post (a page of its own). */
export function ReportLink({ ctx, post }: { ctx: PageContext; post: PostRef }) {
  return (
    <p class="post-report">
      <a href={`${postPath(ctx, post)}/report`}>{ctx.t.html(`network.report.open_${post.kind}`)}</a>
    </p>
  );
}

/** For moderators: hide a post with a reason, or show it again. */
export function ModerationForms({
  ctx,
  post,
  hidden,
}: {
  ctx: PageContext;
  post: PostRef;
  hidden: { reason: string | null } | null;
}) {
  const { t } = ctx;
  const base = `/${ctx.locale}/moderation/posts/${post.kind}s/${post.id}`;
  if (hidden)
    return (
      <div class="moderation-actions">
        <p class="notice warn" safe>
          {t.t('network.report.hidden_note', { reason: hidden.reason ?? '' })}
        </p>
        <PostButton ctx={ctx} action={`${base}/restore`} label={t.t('network.report.restore')} />
      </div>
    );
  const f = formFields(ctx, { prefix: `h${post.id.slice(0, 8)}` });
  return (
    <details class="post-hide">
      <summary>{t.html(`network.report.hide_${post.kind}`)}</summary>
      <Form ctx={ctx} action={`${base}/hide`} submit={t.t('network.report.hide')} danger>
        {f.area('reason', t.t('network.report.hide_reason'), {
          maxlength: postLimits.reportMessage,
          rows: 2,
        })}
      </Form>
    </details>
  );
}
