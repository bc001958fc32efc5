// The daily digest as one e-mail in the reader's language: the new questions in their themes and the
// questions with new answers, each with its link, at most `shown` of each (then where to see more),
// and the one link that stops it (and, for the reader's mail program, the address that stops it in
// one click).
import { translator } from '../../../i18n/index.ts';
import type { Locale } from '../../../shared/i18n-text.ts';
import type { MailContent } from '../../notifications/index.ts';
import type { NewAnswers, NewQuestion } from './digest.repo.ts';
import { oneClickUnsubscribePath, unsubscribePath } from './unsubscribe-token.ts';

export const shownPerKind = 25;

export function digestMail(
  reader: { email: string; name: string; locale: Locale },
  news: { questions: NewQuestion[]; answers: NewAnswers[] },
  links: { origin: string; unsubscribeToken: string },
): MailContent {
  const { locale } = reader;
  const t = translator(locale);
  const site = `${links.origin}/${locale}`;
  const questionLink = (id: string) => `${site}/questions/${id}`;
  const more = (count: number) =>
    count > shownPerKind ? [t.t('network.digest.more', { count: count - shownPerKind })] : [];
  const paragraphs = [t.t('notifications.mail.greeting', { name: reader.name }), t.t('network.digest.intro')];
  if (news.questions.length)
    paragraphs.push(
      t.t('network.digest.new_questions', { count: news.questions.length }),
      ...news.questions.slice(0, shownPerKind).map((q) => `${q.title}\n${questionLink(q.id)}`),
      ...more(news.questions.length),
    );
  if (news.answers.length)
    paragraphs.push(
      t.t('network.digest.new_answers', { count: news.answers.length }),
      ...news.answers
        .slice(0, shownPerKind)
        .map(
          (a) =>
            `${t.t('network.digest.answered', { title: a.title, count: a.count })}\n${questionLink(a.questionId)}#answers`,
        ),
      ...more(news.answers.length),
    );
  return {
    to: reader.email,
    locale,
    subject: t.t('network.digest.subject', {
      questions: news.questions.length,
      answers: news.answers.reduce((sum, a) => sum + a.count, 0),
    }),
    paragraphs,
    action: { label: t.t('network.digest.action'), url: `${site}/account/follows` },
    footer: t.t('network.digest.footer', { url: `${site}${unsubscribePath(links.unsubscribeToken)}` }),
    oneClickUnsubscribeUrl: `${links.origin}${oneClickUnsubscribePath(links.unsubscribeToken)}`,
  };
}
