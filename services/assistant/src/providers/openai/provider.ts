import type { FilmData } from '../../film-data.js';
import { type AnswerRequest, type Provider, ProviderError } from '../provider.js';
import { Channel } from './channel.js';
import type { ChatCompletions } from './client.js';
import { runTool, TOOLS } from './tools.js';
import type { RoundResult, WireMessage } from './wire.js';

export interface OpenAiProviderOptions {
  client: ChatCompletions;
  data: FilmData;
  model: string;
  /** Rounds that may call tools; the round after them is asked to answer in text. */
  maxToolRounds: number;
  /** Budget of a whole answer, every round included. */
  answerTimeoutMs: number;
  clock?: () => Date;
}

function systemPrompt(today: Date): string {
  return [
    'You are the CineSync film assistant, part of an online cinema.',
    'Help the user find films in the CineSync catalog and choose what to watch.',
    'Use search_films to look films up, get_my_ratings and get_my_bookmarks to learn the',
    "user's taste. Only say a film is in the catalog when search_films returned it.",
    "If you don't know, say so plainly. Be concise; answer in the user's language.",
    `Today is ${today.toISOString().slice(0, 10)}.`,
  ].join(' ');
}

/**
 * Answers with an OpenAI-compatible chat-completions model, streaming its text as it comes. When
 * the model calls tools, they run (catalog search, the user's ratings and bookmarks with their
 * own token) and the results go back in the next round, until the model answers in text or
 * `maxToolRounds` is used up; the last round then sets `tool_choice: none`.
 */
export class OpenAiProvider implements Provider {
  readonly name: string;

  constructor(private readonly options: OpenAiProviderOptions) {
    this.name = `openai:${options.model}`;
  }

  async *answer(request: AnswerRequest): AsyncGenerator<string> {
    const signal = AbortSignal.any([
      request.signal,
      AbortSignal.timeout(this.options.answerTimeoutMs),
    ]);
    const clock = this.options.clock ?? (() => new Date());
    const messages: WireMessage[] = [
      { role: 'system', content: systemPrompt(clock()) },
      ...request.turns.map((turn) => ({ role: turn.role, content: turn.content })),
    ];
    let answered = false;
    for (let round = 0; ; round++) {
      const last = round >= this.options.maxToolRounds;
      const channel = new Channel<string>();
      const finished = this.options.client
        .round({ messages, tools: TOOLS, toolChoice: last ? 'none' : 'auto', signal }, (text) =>
          channel.push(text),
        )
        .then(
          (result) => {
            channel.close();
            return result;
          },
          (err: unknown) => {
            channel.fail(err);
            return undefined;
          },
        );
      for await (const text of channel) {
        answered = true;
        yield text;
      }
      const result: RoundResult | undefined = await finished;
      if (!result) return; // unreachable: a failed round already threw from the channel
      if (result.toolCalls.length === 0 || last) {
        if (!answered) {
          throw new ProviderError('assistant_failed', 'The assistant gave no answer.', {
            upstreamFault: false,
          });
        }
        return;
      }
      messages.push({
        role: 'assistant',
        content: result.content === '' ? null : result.content,
        tool_calls: result.toolCalls,
      });
      for (const call of result.toolCalls) {
        if (signal.aborted) break;
        const content = await runTool(
          { data: this.options.data, user: request.user },
          call.function.name,
          call.function.arguments,
        );
        messages.push({ role: 'tool', tool_call_id: call.id, content });
      }
    }
  }
}
