import { type FormEvent, useState } from 'react';
import { api, ok } from '../api/client';
import type { Answer } from '../api/types';
import { useAuth } from '../auth/auth';
import { Field } from '../components/field';
import { formatDate, plural } from '../components/format';
import { Empty, ErrorNote, Loading, Pager, SignInPrompt } from '../components/status';
import { Link, navigate } from '../lib/router';
import { useAction, useAsync } from '../lib/useAsync';

const PAGE_SIZE = 20;

type TicketDetail = Answer<'/api/v1/tickets/{id}', 'get'>;
type Category = NonNullable<Answer<'/api/v1/tickets', 'get'>['items'][number]['category']>;
type Status = TicketDetail['status'];

const CATEGORIES: { value: Category; label: string }[] = [
  { value: 'playback', label: 'Playback' },
  { value: 'billing', label: 'Billing' },
  { value: 'account', label: 'Account' },
  { value: 'content', label: 'Films and content' },
  { value: 'other', label: 'Something else' },
];
const STATUS_LABEL: Record<Status, string> = {
  open: 'Open',
  in_progress: 'In progress',
  resolved: 'Resolved',
  closed: 'Closed',
};

export function TicketStatus({ status }: { status: Status }) {
  return <span className={`status-pill ticket-${status}`}>{STATUS_LABEL[status]}</span>;
}

function NewTicket({ onOpened }: { onOpened: (id: string) => void }) {
  const [subject, setSubject] = useState('');
  const [category, setCategory] = useState<Category>('playback');
  const [body, setBody] = useState('');
  const open = useAction(async (event: FormEvent) => {
    event.preventDefault();
    const ticket = await ok(
      api.POST('/api/v1/tickets', {
        body: { subject: subject.trim(), category, body: body.trim() },
      }),
    );
    onOpened(ticket.id);
  });
  return (
    <form className="panel" onSubmit={(event) => void open.run(event)} aria-labelledby="new-ticket">
      <h2 id="new-ticket">Ask for help</h2>
      <Field id="ticket-subject" label="Subject">
        <input
          id="ticket-subject"
          required
          maxLength={200}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
      </Field>
      <Field id="ticket-category" label="Topic">
        <select
          id="ticket-category"
          value={category}
          onChange={(e) => setCategory(e.target.value as Category)}
        >
          {CATEGORIES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="ticket-body" label="What happened?">
        <textarea
          id="ticket-body"
          required
          rows={5}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
      <ErrorNote error={open.error} />
      <button
        type="submit"
        className="button"
        disabled={open.pending || !subject.trim() || !body.trim()}
      >
        {open.pending ? 'Sending…' : 'Open ticket'}
      </button>
    </form>
  );
}

export function SupportPage() {
  const { viewer } = useAuth();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<Status | ''>('');
  const tickets = useAsync(
    async () =>
      viewer
        ? ok(
            api.GET('/api/v1/tickets', {
              params: { query: { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) } },
            }),
          )
        : undefined,
    [page, status, viewer?.id],
  );
  if (!viewer)
    return (
      <>
        <h1>Support</h1>
        <SignInPrompt what="ask for help" />
      </>
    );
  const items = tickets.data?.items ?? [];
  return (
    <>
      <div className="section-head">
        <h1>{viewer.isAdmin ? 'Support tickets' : 'Support'}</h1>
        <div className="actions">
          <label htmlFor="status-filter" className="visually-hidden">
            Status
          </label>
          <select
            id="status-filter"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as Status | '');
              setPage(1);
            }}
          >
            <option value="">Any status</option>
            {Object.entries(STATUS_LABEL).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="two-columns">
        <section aria-labelledby="ticket-list">
          <h2 id="ticket-list" className="visually-hidden">
            Tickets
          </h2>
          {tickets.loading && !tickets.data && <Loading />}
          <ErrorNote error={tickets.error} retry={tickets.reload} />
          {tickets.data && items.length === 0 && (
            <Empty>No tickets{status ? ' with this status' : ''}.</Empty>
          )}
          <ul className="rows">
            {items.map((ticket) => (
              <li key={ticket.id} className="row">
                <div className="row-main">
                  <Link to={`/support/${ticket.id}`} className="row-title">
                    {ticket.subject}
                  </Link>
                  <span className="hint">
                    {CATEGORIES.find((c) => c.value === ticket.category)?.label} ·{' '}
                    {plural(ticket.messageCount, 'message')} · {formatDate(ticket.updatedAt)}
                  </span>
                </div>
                <TicketStatus status={ticket.status} />
              </li>
            ))}
          </ul>
          {tickets.data && (
            <Pager
              page={page}
              total={tickets.data.total}
              pageSize={PAGE_SIZE}
              hasMore={page * PAGE_SIZE < tickets.data.total}
              onPage={setPage}
            />
          )}
        </section>
        {!viewer.isAdmin && <NewTicket onOpened={(id) => navigate(`/support/${id}`)} />}
      </div>
    </>
  );
}

export function TicketPage({ id }: { id: string }) {
  const { viewer } = useAuth();
  const ticket = useAsync(
    async () =>
      viewer ? ok(api.GET('/api/v1/tickets/{id}', { params: { path: { id } } })) : undefined,
    [id, viewer?.id],
  );
  const [reply, setReply] = useState('');
  const send = useAction(async (event: FormEvent) => {
    event.preventDefault();
    await ok(
      api.POST('/api/v1/tickets/{id}/messages', {
        params: { path: { id } },
        body: { body: reply.trim() },
      }),
    );
    setReply('');
    ticket.reload();
  });
  const setStatus = useAction(async (status: Status) => {
    await ok(
      api.PUT('/api/v1/tickets/{id}/status', { params: { path: { id } }, body: { status } }),
    );
    ticket.reload();
  });
  const assignToMe = useAction(async () => {
    if (!viewer) return;
    await ok(
      api.PUT('/api/v1/tickets/{id}/assignee', {
        params: { path: { id } },
        body: { assigneeId: viewer.id },
      }),
    );
    ticket.reload();
  });

  if (!viewer)
    return (
      <>
        <h1>Support</h1>
        <SignInPrompt what="see your tickets" />
      </>
    );
  const data = ticket.data;
  const closed = data?.status === 'closed';
  return (
    <>
      <p>
        <Link to="/support">← All tickets</Link>
      </p>
      {ticket.loading && !data && <Loading />}
      <ErrorNote error={ticket.error} retry={ticket.reload} />
      {data && (
        <article className="panel ticket">
          <div className="section-head">
            <h1>{data.subject}</h1>
            <span role="status">
              <TicketStatus status={data.status} />
            </span>
          </div>
          <p className="hint">
            {CATEGORIES.find((c) => c.value === data.category)?.label} · opened{' '}
            {formatDate(data.createdAt)}
            {data.assigneeId &&
              (data.assigneeId === viewer.id ? ' · assigned to you' : ' · assigned to an agent')}
          </p>
          <ol className="thread">
            {data.messages.map((message) => (
              <li key={message.id} className={`message ${message.authorRole}`}>
                <p className="byline">
                  <strong>
                    {message.authorRole === 'agent'
                      ? 'CineSync support'
                      : message.authorId === viewer.id
                        ? 'You'
                        : 'Customer'}
                  </strong>{' '}
                  · <time dateTime={message.createdAt}>{formatDate(message.createdAt)}</time>
                </p>
                <p className="message-text">{message.body}</p>
              </li>
            ))}
          </ol>
          {!closed && (
            <form onSubmit={(event) => void send.run(event)}>
              <label htmlFor="reply">
                {viewer.isAdmin ? 'Reply to the customer' : 'Add a message'}
              </label>
              <textarea
                id="reply"
                rows={3}
                required
                maxLength={10_000}
                value={reply}
                onChange={(e) => setReply(e.target.value)}
              />
              <div className="actions">
                <button type="submit" className="button" disabled={send.pending || !reply.trim()}>
                  Send
                </button>
              </div>
            </form>
          )}
          <ErrorNote error={send.error ?? setStatus.error ?? assignToMe.error} />
          <div className="actions ticket-actions">
            {viewer.isAdmin ? (
              <>
                <label htmlFor="ticket-status">Status</label>
                <select
                  id="ticket-status"
                  value={data.status}
                  disabled={setStatus.pending}
                  onChange={(event) => void setStatus.run(event.target.value as Status)}
                >
                  {Object.entries(STATUS_LABEL).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
                {data.assigneeId !== viewer.id && (
                  <button
                    type="button"
                    className="button ghost small"
                    onClick={() => void assignToMe.run()}
                  >
                    Assign to me
                  </button>
                )}
              </>
            ) : (
              !closed && (
                <button
                  type="button"
                  className="button ghost small"
                  onClick={() => void setStatus.run('closed')}
                >
                  Close ticket
                </button>
              )
            )}
          </div>
        </article>
      )}
    </>
  );
}
