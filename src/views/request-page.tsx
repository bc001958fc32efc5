// A page that asks one thing about a listing (claim it, report it): the form until it is sent, then
// a notice that it was; a link back to the listing either way.
import type { Children } from '@kitajs/html';
import type { PageContext } from '../http/request-context.ts';
import { Notice } from './forms.tsx';
import { Layout } from './layout.tsx';

export function RequestPage({
  ctx,
  title,
  lead,
  sent,
  sentText,
  back,
  children,
}: {
  ctx: PageContext;
  title: string;
  lead: string;
  sent: boolean;
  sentText: string;
  back: { href: string; text: string };
  children: Children;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      {sent ? (
        <Notice text={sentText} />
      ) : (
        <>
          <p safe>{lead}</p>
          {children}
        </>
      )}
      <p>
        <a href={back.href} safe>
          {back.text}
        </a>
      </p>
    </Layout>
  );
}
