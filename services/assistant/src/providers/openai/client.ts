import { CircuitBreaker, CircuitOpenError, type CircuitState } from '@cinesync/kit/resilience';
import { Agent, request } from 'undici';
import { ProviderError } from '../provider.js';
import { sseData } from './sse.js';
import type { ToolSpec } from './tools.js';
import { parseChunk, RoundAccumulator, type RoundResult, type WireMessage } from './wire.js';

export interface ChatCompletionsOptions {
  /** e.g. https://api.openai.com/v1; `chat/completions` is appended. */
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  connectTimeoutMs: number;
  /** Longest wait for the response headers, and then between two chunks of the body. */
  idleTimeoutMs: number;
  maxTokens: number;
  breakerFailures: number;
  breakerResetMs: number;
  onBreakerChange?: (to: CircuitState, from: CircuitState) => void;
}

export interface RoundRequest {
  messages: readonly WireMessage[];
  tools: readonly ToolSpec[];
  /** `none` makes the model answer in text. */
  toolChoice: 'auto' | 'none';
  signal: AbortSignal;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const codeOf = (err: unknown) =>
  typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;

const isTimeoutReason = (reason: unknown) =>
  reason instanceof Error && (reason.name === 'TimeoutError' || codeOf(reason) === 'TIMEOUT');

/** Maps what a round threw onto a ProviderError; `streaming`: the answer had begun. */
function classify(err: unknown, signal: AbortSignal, streaming: boolean): ProviderError {
  if (err instanceof ProviderError) return err;
  if (signal.aborted) {
    return isTimeoutReason(signal.reason)
      ? new ProviderError('assistant_timeout', 'The assistant took too long to answer.', {
          cause: err,
        })
      : new ProviderError('cancelled', 'The answer was cancelled.', { cause: err });
  }
  const code = codeOf(err);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new ProviderError(
      'assistant_timeout',
      streaming
        ? 'The assistant stopped sending its answer.'
        : 'The assistant did not answer in time.',
      { cause: err },
    );
  }
  return streaming
    ? new ProviderError('assistant_failed', "The assistant's answer broke off.", { cause: err })
    : new ProviderError('assistant_unavailable', 'The assistant cannot be reached right now.', {
        cause: err,
      });
}

function statusError(status: number): ProviderError {
  if (status === 429 || status === 408 || status >= 500) {
    return new ProviderError('assistant_unavailable', 'The assistant is busy or down right now.');
  }
  // 401/403 (bad key), 400/404/422 (bad model or request): ours to fix, not the upstream's health.
  return new ProviderError('assistant_unavailable', 'The assistant is not available right now.', {
    upstreamFault: false,
  });
}

/**
 * One streamed round of an OpenAI-compatible `POST /chat/completions` (`stream: true`), behind
 * connect and idle timeouts and a circuit breaker. A round counts against the breaker when the
 * API fails it (connect error, 5xx/429, timeout, broken stream), not when we cancel it or our
 * request is refused (4xx).
 */
export class ChatCompletions {
  private readonly agent: Agent;
  private readonly breaker: CircuitBreaker;
  private readonly url: URL;

  constructor(private readonly options: ChatCompletionsOptions) {
    this.agent = new Agent({
      connect: { timeout: options.connectTimeoutMs },
      headersTimeout: options.idleTimeoutMs,
      bodyTimeout: options.idleTimeoutMs,
      keepAliveTimeout: 10_000,
    });
    this.breaker = new CircuitBreaker({
      name: 'assistant model',
      failureThreshold: options.breakerFailures,
      resetTimeoutMs: options.breakerResetMs,
      isFailure: (err) => !(err instanceof ProviderError) || err.upstreamFault,
      onStateChange: options.onBreakerChange,
    });
    const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
    this.url = new URL('chat/completions', base);
  }

  get breakerState(): CircuitState {
    return this.breaker.state;
  }

  /** Streams the round's text to `onText` as it arrives; resolves with the whole round. */
  async round(req: RoundRequest, onText: (text: string) => void): Promise<RoundResult> {
    try {
      return await this.breaker.execute(() => this.stream(req, onText));
    } catch (err) {
      if (err instanceof CircuitOpenError) {
        throw new ProviderError(
          'assistant_unavailable',
          'The assistant is unavailable right now; try again shortly.',
          { cause: err, upstreamFault: false },
        );
      }
      throw err;
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  private async stream(req: RoundRequest, onText: (text: string) => void): Promise<RoundResult> {
    const body = {
      model: this.options.model,
      messages: req.messages,
      stream: true,
      max_tokens: this.options.maxTokens,
      ...(req.tools.length > 0 ? { tools: req.tools, tool_choice: req.toolChoice } : {}),
    };
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(this.url, {
        method: 'POST',
        dispatcher: this.agent,
        signal: req.signal,
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
      });
    } catch (err) {
      throw classify(err, req.signal, false);
    }
    if (response.statusCode !== 200) {
      // The body may quote the prompt: it is neither read into errors nor logged.
      await response.body.dump().catch(() => {});
      throw statusError(response.statusCode);
    }

    const round = new RoundAccumulator();
    let done = false;
    try {
      for await (const data of sseData(response.body)) {
        if (data === '[DONE]') {
          done = true;
          break;
        }
        const text = round.add(parseChunk(data));
        if (text !== '') onText(text);
      }
    } catch (err) {
      response.body.destroy();
      throw classify(err, req.signal, true);
    }
    // A stream that simply stops, with neither a finish reason nor [DONE], was cut off.
    if (!round.finished && !done) {
      throw new ProviderError('assistant_failed', "The assistant's answer broke off.");
    }
    return round.result();
  }
}
