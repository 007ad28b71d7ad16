// What to show or log of something thrown: an Error's message, or the thrown value in words.
export function errorMessage(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}
