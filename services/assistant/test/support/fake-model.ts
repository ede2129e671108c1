import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';

/** One step of a scripted answer: send an SSE `data:` line, pause, or cut the connection. */
export type Step = { data: unknown } | { wait: number } | { destroy: true };

/** How the fake answers one request: an HTTP error, or a stream of steps. */
export type Plan = { status: number } | { steps: Step[] };

export interface RecordedRequest {
  body: ChatRequestBody;
  authorization: string | undefined;
}

export interface ChatRequestBody {
  model: string;
  stream: boolean;
  max_tokens?: number;
  tool_choice?: string;
  tools?: { function: { name: string } }[];
  messages: {
    role: string;
    content: string | null;
    tool_calls?: { id: string; function: { name: string; arguments: string } }[];
    tool_call_id?: string;
  }[];
}

export interface FakeModel {
  /** Base URL to configure as ASSISTANT_BASE_URL (ends in /v1). */
  url: string;
  requests: RecordedRequest[];
  /** Decides each answer; the default streams "Hello there." */
  script: (body: ChatRequestBody, index: number) => Plan;
  close(): Promise<void>;
}

const choice = (delta: object, finish: string | null = null) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  choices: [{ index: 0, delta, finish_reason: finish }],
});

/** Chunk builders in the OpenAI streaming format. */
export const chunk = {
  text: (content: string) => ({ data: choice({ content }) }),
  role: () => ({ data: choice({ role: 'assistant', content: '' }) }),
  finish: (reason = 'stop') => ({ data: choice({}, reason) }),
  done: () => ({ data: '[DONE]' }),
  toolCall: (index: number, piece: { id?: string; name?: string; arguments?: string }) => ({
    data: choice({
      tool_calls: [
        {
          index,
          ...(piece.id ? { id: piece.id, type: 'function' } : {}),
          function: {
            ...(piece.name ? { name: piece.name } : {}),
            arguments: piece.arguments ?? '',
          },
        },
      ],
    }),
  }),
};

/** A whole text answer, a few characters per chunk. */
export function streamed(text: string): Plan {
  const pieces = text.match(/.{1,4}/gs) ?? [];
  return { steps: [chunk.role(), ...pieces.map(chunk.text), chunk.finish(), chunk.done()] };
}

/**
 * A local server speaking OpenAI's streaming chat-completions protocol, answering as the test's
 * script says. Error bodies quote the prompt, as real APIs may, to prove we never log them.
 */
export async function startFakeModel(): Promise<FakeModel> {
  const app = Fastify({ forceCloseConnections: true });
  const fake: FakeModel = {
    url: '',
    requests: [],
    script: () => streamed('Hello there.'),
    close: () => app.close(),
  };
  app.post('/v1/chat/completions', async (request, reply) => {
    const body = request.body as ChatRequestBody;
    fake.requests.push({ body, authorization: request.headers.authorization });
    const plan = fake.script(body, fake.requests.length - 1);
    if ('status' in plan) {
      return reply.code(plan.status).send({
        error: { message: `failed on: ${JSON.stringify(body.messages)}` },
      });
    }
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    for (const step of plan.steps) {
      if (reply.raw.destroyed) return;
      if ('wait' in step) await sleep(step.wait);
      else if ('destroy' in step) {
        reply.raw.destroy();
        return;
      } else {
        const data = typeof step.data === 'string' ? step.data : JSON.stringify(step.data);
        reply.raw.write(`data: ${data}\n\n`);
      }
    }
    reply.raw.end();
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}/v1`;
  return fake;
}
