// The follows page's data: the themes with their names from the directory's taxonomy, the questions
// with their titles (none for a question the reader may no longer read), and the digest's state.
import type { Database } from '../../../db/client.ts';
import { getTaxonomy } from '../../directory/index.ts';
import { mayReadQuestion } from './follows.policy.ts';
import { isMemberOfAny, listFollows } from './follows.repo.ts';
import type { FollowsPageData } from './page-data.ts';

export async function presentFollows(
  db: Database,
  reader: { id: string; email: string; emailVerified: boolean },
): Promise<FollowsPageData> {
  const [{ themes: tree, byCode }, followed, member] = await Promise.all([
    getTaxonomy(db),
    listFollows(db, reader.id),
    isMemberOfAny(db, reader.id),
  ]);
  const codes = new Set(followed.themes.map((t) => t.code));
  const themes = followed.themes.flatMap(({ code }) => {
    const term = byCode.get(code);
    if (!term) return [];
    const parent = term.parentCode ? byCode.get(term.parentCode) : undefined;
    return [{ code, name: term.name, ...(parent ? { parentName: parent.name } : {}) }];
  });
  return {
    themes,
    questions: followed.questions.map((q) => {
      const readable = mayReadQuestion(q, member);
      return {
        id: q.id,
        title: readable ? q.title : '',
        language: q.language,
        answerCount: q.answerCount,
        readable,
      };
    }),
    themeOptions: tree.filter((t) => !codes.has(t.code)).map((t) => ({ code: t.code, name: t.name })),
    digest: {
      follows: themes.length + followed.questions.length > 0,
      verified: reader.emailVerified,
      email: reader.email,
    },
  };
}
