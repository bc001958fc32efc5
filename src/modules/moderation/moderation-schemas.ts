// Request shapes shared by the moderation routes.
import Type from 'typebox';

export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
