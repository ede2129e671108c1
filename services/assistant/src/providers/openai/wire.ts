import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { ProviderError } from '../provider.js';

/** A message of the chat-completions API, as we send it. */
export type WireMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: WireToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** What we read of one streamed `chat.completion.chunk`; other fields are ignored. */
const ChunkSchema = Type.Object({
  choices: Type.Optional(
    Type.Array(
      Type.Object({
        delta: Type.Optional(
          Type.Object({
            content: Type.Optional(Nullable(Type.String())),
            tool_calls: Type.Optional(
              Type.Array(
                Type.Object({
                  index: Type.Integer({ minimum: 0, maximum: 63 }),
                  id: Type.Optional(Nullable(Type.String())),
                  function: Type.Optional(
                    Type.Object({
                      name: Type.Optional(Nullable(Type.String())),
                      arguments: Type.Optional(Nullable(Type.String())),
                    }),
                  ),
                }),
              ),
            ),
          }),
        ),
        finish_reason: Type.Optional(Nullable(Type.String())),
      }),
    ),
  ),
  error: Type.Optional(Type.Unknown()),
});
type Chunk = Static<typeof ChunkSchema>;

const broken = (detail: string) =>
  new ProviderError('assistant_failed', `The assistant's answer broke off (${detail}).`, {
    upstreamFault: true,
  });

/** Parses one `data:` payload; the upstream's text never goes into the error (it is logged). */
export function parseChunk(data: string): Chunk {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw broken('a chunk is not JSON');
  }
  if (!Value.Check(ChunkSchema, json)) throw broken('a chunk has an unexpected shape');
  if (json.error !== undefined) throw broken('the model API reported an error mid-stream');
  return json;
}

/** One round's streamed answer: text, and tool calls assembled from their pieces. */
export interface RoundResult {
  content: string;
  toolCalls: WireToolCall[];
  finishReason: string;
}

/** Gathers the chunks of one streamed round. */
export class RoundAccumulator {
  private content = '';
  private readonly calls = new Map<number, { id: string; name: string; arguments: string }>();
  private finishReason: string | undefined;

  /** Adds a chunk; returns the text it carries, to stream on. */
  add(chunk: Chunk): string {
    let text = '';
    for (const choice of chunk.choices ?? []) {
      const delta = choice.delta;
      if (delta?.content) text += delta.content;
      for (const call of delta?.tool_calls ?? []) {
        const known = this.calls.get(call.index) ?? { id: '', name: '', arguments: '' };
        if (call.id) known.id = call.id;
        if (call.function?.name) known.name += call.function.name;
        if (call.function?.arguments) known.arguments += call.function.arguments;
        this.calls.set(call.index, known);
      }
      if (choice.finish_reason) this.finishReason = choice.finish_reason;
    }
    this.content += text;
    return text;
  }

  get finished(): boolean {
    return this.finishReason !== undefined;
  }

  result(): RoundResult {
    const toolCalls = [...this.calls]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({
        id: call.id || `call_${index}`,
        type: 'function' as const,
        function: { name: call.name, arguments: call.arguments },
      }));
    return { content: this.content, toolCalls, finishReason: this.finishReason ?? 'stop' };
  }
}
