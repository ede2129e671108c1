/** Server-sent events wire format (https://html.spec.whatwg.org/multipage/server-sent-events.html). */

/** One event; `data` is JSON, so it holds no raw newline and fits on one `data:` line. */
export function sseEvent(id: number, event: string, data: unknown): string {
  return `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Lines starting with ":" are ignored by clients; they keep idle connections and proxies alive. */
export const sseComment = (text: string) => `: ${text}\n\n`;

/** Tells EventSource how long to wait before reconnecting. */
export const sseRetry = (ms: number) => `retry: ${ms}\n\n`;

/** A Last-Event-ID we issued is a non-negative integer; anything else is ignored. */
export function parseLastEventId(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || !/^\d{1,15}$/.test(text.trim())) return undefined;
  return Number(text.trim());
}
