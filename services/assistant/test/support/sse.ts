/** One server-sent event as a test reads it: its type and its JSON data. */
export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Splits a whole text/event-stream body into its events (every `data` is JSON here). */
export function parseSse(body: string): SseEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      return { event, data: JSON.parse(data.join('\n')) as Record<string, unknown> };
    });
}

/** The answer text the `token` events carry, joined. */
export const answerText = (events: readonly SseEvent[]) =>
  events
    .filter((e) => e.event === 'token')
    .map((e) => String(e.data.text))
    .join('');

/** The last event: `done` or `error`. */
export const lastEvent = (events: readonly SseEvent[]) => events[events.length - 1];
