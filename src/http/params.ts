// Route parameters many pages share.
import Type from 'typebox';

/** The id in `/…/:id`: a UUID is checked by the use case, which answers "not found" for anything else. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
