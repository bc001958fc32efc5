// Place names as people type them, made comparable.

/** Lower case, without accents, every run of punctuation and spaces one space: "Chaussée d'Ixelles" = "chaussee d ixelles". */
export const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
