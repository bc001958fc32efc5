// Between the post form's fields and what the use cases take: texts per language ("title.fr"),
// ticked lists, "all Brussels" as a checkbox, who may answer as yes or no.
import { type FormValues, list, one } from '../../../shared/form-values.ts';
import { type I18nText, locales } from '../../../shared/i18n-text.ts';
import type { PostInput } from './check-post.ts';
import type { PostRow } from './posts.repo.ts';

const texts = (values: FormValues, name: string): I18nText =>
  Object.fromEntries(locales.map((l) => [l, one(values[`${name}.${l}`]) ?? '']));
const text = (values: FormValues, name: string) => one(values[name]) ?? '';

export function postInput(values: FormValues): PostInput {
  return {
    direction: text(values, 'direction'),
    kind: text(values, 'kind'),
    title: texts(values, 'title'),
    body: texts(values, 'body'),
    languages: list(values.languages),
    themes: list(values.themes),
    communes: list(values.communes),
    allBrussels: text(values, 'all_brussels') === '1',
    until: text(values, 'until'),
    informalMayAnswer: text(values, 'informal') !== 'no',
    organisationId: one(values.organisation) || undefined,
    version: one(values.version) || undefined,
  };
}

/** A stored post as the form shows it to change it. */
export function postValues(post: PostRow): FormValues {
  const values: FormValues = {
    direction: post.direction,
    kind: post.kind,
    languages: post.languages,
    themes: post.themes,
    communes: post.communes,
    all_brussels: post.allBrussels ? '1' : undefined,
    until: post.until,
    informal: post.informalMayAnswer ? 'yes' : 'no',
    version: String(post.version),
  };
  for (const name of ['title', 'body'] as const)
    for (const l of locales) values[`${name}.${l}`] = post[name][l] ?? '';
  return values;
}

/** A refused form's values, long texts cut so the page sent back stays small. */
export function refusedValues(values: FormValues): FormValues {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      Array.isArray(v) ? v.slice(0, 100).map((s) => s.slice(0, 100)) : v?.slice(0, 5_000),
    ]),
  );
}
