import { type FormEvent, useEffect, useState } from 'react';
import { useAuth } from '../auth/auth';
import { Field } from '../components/field';
import { ErrorNote } from '../components/status';
import { Link, navigate, useLocation } from '../lib/router';
import { useAction } from '../lib/useAsync';

/** Only a path on this site, so a crafted ?next= cannot send someone elsewhere. */
function nextPath(search: URLSearchParams): string {
  const next = search.get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function EmailField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Field id="email" label="Email">
      <input
        id="email"
        type="email"
        autoComplete="email"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

export function SignInPage() {
  const { signIn, viewer } = useAuth();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = nextPath(search);
  const submit = useAction(async (event: FormEvent) => {
    event.preventDefault();
    await signIn(email.trim(), password);
    navigate(next, { replace: true });
  });
  useEffect(() => {
    if (viewer && !submit.pending) navigate(next, { replace: true });
  }, [viewer, next, submit.pending]);

  return (
    <section className="auth-card" aria-labelledby="signin-heading">
      <h1 id="signin-heading">Sign in</h1>
      <form onSubmit={(event) => void submit.run(event)}>
        <EmailField value={email} onChange={setEmail} />
        <Field id="password" label="Password">
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <ErrorNote error={submit.error} />
        <button className="button wide" type="submit" disabled={submit.pending}>
          {submit.pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here?{' '}
        <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>
          Create an account
        </Link>
      </p>
    </section>
  );
}

export function SignUpPage() {
  const { signUp } = useAuth();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const next = nextPath(search);
  const submit = useAction(async (event: FormEvent) => {
    event.preventDefault();
    await signUp(email.trim(), password, displayName.trim());
    navigate(next, { replace: true });
  });

  return (
    <section className="auth-card" aria-labelledby="signup-heading">
      <h1 id="signup-heading">Create an account</h1>
      <form onSubmit={(event) => void submit.run(event)}>
        <Field id="displayName" label="Name (shown on your reviews)">
          <input
            id="displayName"
            autoComplete="nickname"
            maxLength={100}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
          />
        </Field>
        <EmailField value={email} onChange={setEmail} />
        <Field
          id="password"
          label="Password"
          hint="At least 8 characters, and not a common password."
        >
          <input
            id="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            aria-describedby="password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <ErrorNote error={submit.error} />
        <button className="button wide" type="submit" disabled={submit.pending}>
          {submit.pending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Have an account? <Link to="/signin">Sign in</Link>
      </p>
    </section>
  );
}
