// A JSON route's schema with its place in the API's documentation (/api/docs): the group it is
// listed under and a one-line summary, besides what it validates and answers.
export const documented =
  (tag: string) =>
  <S extends object>(summary: string, schema: S) => ({ schema: { tags: [tag], summary, ...schema } });
