// The links to a survey's pages that its owners get, on the list of their surveys and on its results.
import type { PageContext } from '../../../../http/request-context.ts';
import type { MessageKey } from '../../../../i18n/index.ts';

/** Each page: its address after the survey's own (its answer page), and its link's words. */
const pages = {
  open: ['', 'signals.survey.list.open'],
  results: ['/results', 'signals.survey.list.results'],
  csv: ['/answers.csv', 'signals.survey.results.csv'],
  share: ['/share', 'signals.survey.list.share'],
  edit: ['/edit', 'signals.survey.list.edit'],
} as const satisfies Record<string, readonly [string, MessageKey]>;

/** The items of a list of links to a survey's `links` pages; `path` is its answer page. */
export function SurveyLinkItems({
  ctx,
  path,
  links,
}: {
  ctx: PageContext;
  path: string;
  links: (keyof typeof pages)[];
}) {
  return (
    <>
      {links.map((page) => (
        <li>
          <a href={`${path}${pages[page][0]}`}>{ctx.t.html(pages[page][1])}</a>
        </li>
      ))}
    </>
  );
}
