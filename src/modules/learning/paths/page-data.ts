// What the learning pages are given: a path as it is stored (its texts, state and cards).
import type { learningPaths } from '../learning.schema.ts';

export type PathRow = typeof learningPaths.$inferSelect;
