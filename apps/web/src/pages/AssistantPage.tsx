import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, ok } from '../api/client';
import { ApiError, asProblem } from '../api/problem';
import type { Answer } from '../api/types';
import { useAuth } from '../auth/auth';
import { Empty, ErrorNote, Loading, SignInPrompt } from '../components/status';
import { readServerSentEvents } from '../lib/sse';
import { useAction, useAsync } from '../lib/useAsync';

type Message = Answer<'/api/v1/assistant/sessions/{id}/messages', 'get'>['items'][number];

const SUGGESTIONS = [
  'Recommend a drama from the 1990s',
  'Who directed Spirited Away?',
  'Something like The Matrix',
];

/** Asks and reads the answer as it streams (server-sent events over a POST). */
async function ask(
  sessionId: string,
  text: string,
  onToken: (piece: string) => void,
): Promise<void> {
  const { response } = await api.POST('/api/v1/assistant/sessions/{id}/messages', {
    params: { path: { id: sessionId } },
    body: { text },
    headers: { accept: 'text/event-stream' },
    parseAs: 'stream',
  });
  if (!response.ok || !response.body) {
    throw new ApiError(response.status, asProblem(await response.json().catch(() => undefined)));
  }
  for await (const event of readServerSentEvents(response.body)) {
    const data = JSON.parse(event.data) as { text?: string; message?: string; code?: string };
    if (event.event === 'token' && data.text) onToken(data.text);
    if (event.event === 'error') {
      throw new ApiError(502, { code: data.code, detail: data.message ?? 'The answer broke off.' });
    }
  }
}

function Chat({ sessionId, onActivity }: { sessionId: string; onActivity: () => void }) {
  const history = useAsync(
    () =>
      ok(
        api.GET('/api/v1/assistant/sessions/{id}/messages', {
          params: { path: { id: sessionId }, query: { limit: 50 } },
        }),
      ),
    [sessionId],
  );
  const [pending, setPending] = useState<{ question: string; answer: string }>();
  const [text, setText] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const send = useAction(async (question: string) => {
    setPending({ question, answer: '' });
    setText('');
    try {
      await ask(sessionId, question, (piece) =>
        setPending((current) => current && { ...current, answer: current.answer + piece }),
      );
    } finally {
      history.reload();
      onActivity();
    }
  });
  const messages: Message[] = history.data?.items ?? [];

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the conversation as it grows
  useEffect(() => {
    // Chromium's scrollIntoView returns a promise, which an effect must not return.
    void end.current?.scrollIntoView({ block: 'nearest' });
  }, [messages.length, pending?.answer]);
  useEffect(() => {
    if (!send.pending && history.data) setPending(undefined);
  }, [send.pending, history.data]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void send.run(text.trim());
  };
  return (
    <section className="panel chat" aria-label="Conversation">
      {history.loading && !history.data && <Loading />}
      <ErrorNote error={history.error} retry={history.reload} />
      <ol className="messages" aria-live="polite">
        {messages.map((message) => (
          <li key={message.id} className={`bubble from-${message.role}`}>
            <span className="visually-hidden">
              {message.role === 'user' ? 'You:' : 'Assistant:'}
            </span>
            <p>{message.content}</p>
            {message.status === 'interrupted' && <p className="hint">(the answer broke off)</p>}
          </li>
        ))}
        {pending &&
          !messages.some(
            (message) => message.content === pending.question && message.role === 'user',
          ) && (
            <li className="bubble from-user">
              <p>{pending.question}</p>
            </li>
          )}
        {pending && send.pending && (
          <li className="bubble from-assistant">
            <p>
              {pending.answer || (
                <span className="typing">
                  … <span className="visually-hidden">Writing an answer</span>
                </span>
              )}
            </p>
          </li>
        )}
      </ol>
      <div ref={end} />
      {messages.length === 0 && !pending && (
        <div className="suggestions">
          {SUGGESTIONS.map((suggestion) => (
            <button
              key={suggestion}
              type="button"
              className="chip"
              onClick={() => void send.run(suggestion)}
            >
              {suggestion}
            </button>
          ))}
        </div>
      )}
      <ErrorNote error={send.error} />
      <form className="chat-form" onSubmit={submit}>
        <label htmlFor="chat-input" className="visually-hidden">
          Your question
        </label>
        <input
          id="chat-input"
          value={text}
          maxLength={4000}
          placeholder="Ask about films, people, or what to watch next…"
          onChange={(event) => setText(event.target.value)}
          disabled={send.pending}
        />
        <button type="submit" className="button" disabled={send.pending || !text.trim()}>
          Ask
        </button>
      </form>
    </section>
  );
}

export function AssistantPage() {
  const { viewer } = useAuth();
  const sessions = useAsync(
    async () =>
      viewer
        ? ok(
            api.GET('/api/v1/assistant/sessions', { params: { query: { page: 1, pageSize: 30 } } }),
          )
        : undefined,
    [viewer?.id],
  );
  const [current, setCurrent] = useState<string>();
  const create = useAction(async () => {
    const session = await ok(api.POST('/api/v1/assistant/sessions', { body: {} }));
    setCurrent(session.id);
    sessions.reload();
  });
  const items = sessions.data?.items ?? [];
  const selected = current ?? items[0]?.id;

  if (!viewer)
    return (
      <>
        <h1>Assistant</h1>
        <SignInPrompt what="chat with the film assistant" />
      </>
    );
  return (
    <>
      <h1>Film assistant</h1>
      <div className="assistant-layout">
        <nav className="panel sessions" aria-label="Chats">
          <button
            type="button"
            className="button small wide"
            disabled={create.pending}
            onClick={() => void create.run()}
          >
            + New chat
          </button>
          <ErrorNote error={sessions.error ?? create.error} retry={sessions.reload} />
          <ul className="session-list">
            {items.map((session) => (
              <li key={session.id}>
                <button
                  type="button"
                  className="session-button"
                  aria-current={session.id === selected ? 'true' : undefined}
                  onClick={() => setCurrent(session.id)}
                >
                  {session.title ?? 'New chat'}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        {selected ? (
          <Chat key={selected} sessionId={selected} onActivity={sessions.reload} />
        ) : (
          sessions.data && (
            <Empty>
              Start a chat: ask for recommendations, or about a film’s cast and crew.{' '}
              <button type="button" className="link-button" onClick={() => void create.run()}>
                New chat
              </button>
            </Empty>
          )
        )}
      </div>
    </>
  );
}
