import { get, type IncomingHttpHeaders } from 'node:http';
import { eventually } from './engines.js';

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  events: SseEvent[];
  comments: string[];
  /** Set when the server ended the stream. */
  ended: boolean;
  /** Waits for the event at `index` (0-based, in arrival order). */
  event(index: number, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

/** A minimal EventSource over node:http, exposing what arrived. */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const request = get(
      url,
      { headers: { accept: 'text/event-stream', ...headers } },
      (response) => {
        const client: SseClient = {
          status: response.statusCode ?? 0,
          headers: response.headers,
          events: [],
          comments: [],
          ended: false,
          async event(index, timeoutMs = 5000) {
            await eventually(
              `stream event #${index}`,
              () => client.events.length > index,
              timeoutMs,
            );
            const event = client.events[index];
            if (!event) throw new Error('unreachable');
            return event;
          },
          close: () => request.destroy(),
        };
        let buffer = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event: SseEvent = { data: '' };
            let isEvent = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) client.comments.push(line.slice(1).trim());
              const [, field, value = ''] = /^(id|event|data): ?(.*)$/.exec(line) ?? [];
              if (field === 'id' || field === 'event' || field === 'data') {
                event[field] = value;
                isEvent = true;
              }
            }
            if (isEvent) client.events.push(event);
            end = buffer.indexOf('\n\n');
          }
        });
        response.on('end', () => {
          client.ended = true;
        });
        response.on('error', () => {
          client.ended = true;
        });
        resolve(client);
      },
    );
    request.on('error', reject);
  });
}
