import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/problem';
import { Link } from '../lib/router';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="status loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** What went wrong, in the server's words; a sign-in link when that is the fix. */
export function ErrorNote({ error, retry }: { error: unknown; retry?: () => void }) {
  if (!error) return null;
  const needsSignIn = error instanceof ApiError && error.status === 401;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <div className="status error" role="alert">
      <p>{errorMessage(error)}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => (
            <li key={`${field.field}:${field.message}`}>
              {field.field.replace(/^\/body\//, '')}: {field.message}
            </li>
          ))}
        </ul>
      )}
      {needsSignIn && (
        <p>
          <Link to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`}>
            Sign in
          </Link>{' '}
          to continue.
        </p>
      )}
      {retry && (
        <button type="button" className="button small" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="status empty">{children}</p>;
}

/** Previous / next for lists that know whether more exist (or their total). */
export function Pager({
  page,
  hasMore,
  onPage,
  total,
  pageSize,
}: {
  page: number;
  hasMore: boolean;
  onPage: (page: number) => void;
  total?: number;
  pageSize?: number;
}) {
  const pages =
    total !== undefined && pageSize ? Math.max(1, Math.ceil(total / pageSize)) : undefined;
  if (page === 1 && !hasMore) return null;
  return (
    <nav className="pager" aria-label="Pages">
      <button
        type="button"
        className="button ghost"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        ← Previous
      </button>
      <span aria-current="page">
        Page {page}
        {pages ? ` of ${pages}` : ''}
      </span>
      <button
        type="button"
        className="button ghost"
        disabled={!hasMore}
        onClick={() => onPage(page + 1)}
      >
        Next →
      </button>
    </nav>
  );
}

/** Gate for pages that need an account. */
export function SignInPrompt({ what }: { what: string }) {
  return (
    <div className="status empty">
      <p>
        <Link to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`}>
          Sign in
        </Link>{' '}
        or <Link to="/signup">create an account</Link> to {what}.
      </p>
    </div>
  );
}
