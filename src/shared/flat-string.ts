// A string made by joining pieces (the JSX renderer's pages) is held by V8 as a tree of those pieces
// until something reads it whole. A search layout of about 40,000 characters kept that way took
// about 330 KB: at the bench's scale the search page's cache, counted at two bytes a character
// against a 12 MB budget, held 38 MB in 116 entries. A page kept in a cache is made flat once, so
// the cache holds no more than it counts (one byte a character where the text is all Latin-1, two
// otherwise).
//
// Reading one character of it makes V8 flatten the string where it is (charCodeAt on a string of
// pieces copies them into one and lets the pieces go). It was a UTF-8 round trip through a Buffer
// until session 29: the same flat string, but also a Buffer of the page's bytes each time, outside
// V8's heap (30 MB in 8 s of the bench's search page at the issue's scale). A lone surrogate (half
// of a broken emoji in a typed name) now stays in the kept page; it becomes U+FFFD when the page is
// sent, as before, so the bytes a visitor gets are the same.
export function flatString(text: string): string {
  text.charCodeAt(0);
  return text;
}
