// A JSON schema for one of a fixed list of strings, typed as that union (TypeBox's own unions of
// literals lose the type when built from a list).
import Type from 'typebox';

export const Enum = <T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
