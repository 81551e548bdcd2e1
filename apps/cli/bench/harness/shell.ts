/** `word` quoted for a POSIX shell when it needs it (kept bare when it is plain). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The words joined into one shell command line. */
export function shellLine(words: readonly string[]): string {
  return words.map(shellQuote).join(" ");
}
