// A string made by joining pieces (the JSX renderer's pages) is held by V8 as a tree of those pieces
// until something reads it whole. A search layout of about 40,000 characters kept that way took
// about 330 KB: at the bench's scale the search page's cache, counted at two bytes a character
// against a 12 MB budget, held 38 MB in 116 entries. A page kept in a cache is copied once into one
// flat string, so the cache holds no more than it counts (one byte a character where the text is
// all Latin-1, two otherwise).
//
// The copy is a UTF-8 round trip: a lone surrogate (half of a broken emoji in a typed name) becomes
// U+FFFD, as it does anyway when the page is sent, so the bytes a visitor gets are the same.
// Not flattened where it is (reading one character of it, which makes V8 join the pieces without a
// Buffer): V8 keeps such a string as a "cons" of one flat string, and Node then measures and writes
// it the slow way: Buffer.byteLength took 5.8 µs on a 40,000-character page flattened so, 0.35 µs on
// the round trip's plain flat string (session 29), and a kept page is measured and written on every
// request that gets it.
export function flatString(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
