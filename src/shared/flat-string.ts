// A string made by joining pieces (the JSX renderer's pages) is held by V8 as a tree of those pieces
// until something reads it whole. A search layout of about 40,000 characters kept that way took
// about 330 KB: at the bench's scale the search page's cache, counted at two bytes a character
// against a 12 MB budget, held 38 MB in 116 entries. A page kept in a cache is copied once into one
// flat string, so the cache holds about what it counts.
export function flatString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
