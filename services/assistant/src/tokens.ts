/**
 * Approximate token count of a text: about four characters per token for English, which is what
 * the caps need (a guard, not a bill). No tokenizer is shipped, since the model may be anything
 * OpenAI-compatible.
 */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
