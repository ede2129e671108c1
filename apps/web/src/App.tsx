import { type ReactElement, type ReactNode, useEffect, useRef, useState } from 'react';
import { pageViews, track } from './analytics';
import { useAuth } from './auth/auth';
import { ErrorBoundary } from './components/ErrorBoundary';
import { ErrorNote } from './components/status';
import { Link, matchPath, navigate, useLocation } from './lib/router';
import { useNotifications } from './notifications/notifications';
import { AdminPage } from './pages/AdminPage';
import { AssistantPage } from './pages/AssistantPage';
import { SignInPage, SignUpPage } from './pages/AuthPages';
import { BookmarksPage } from './pages/BookmarksPage';
import { CartPage } from './pages/CartPage';
import { FilmPage } from './pages/FilmPage';
import { HomePage } from './pages/HomePage';
import { NotificationsPage } from './pages/NotificationsPage';
import { OrderPage, OrdersPage } from './pages/OrdersPage';
import { SearchPage } from './pages/SearchPage';
import { SupportPage, TicketPage } from './pages/SupportPage';
import { useCart } from './store/cart';

interface Route {
  pattern: string;
  title: string;
  render: (params: Record<string, string>) => ReactElement;
}

const ROUTES: Route[] = [
  { pattern: '/', title: 'Home', render: () => <HomePage /> },
  { pattern: '/search', title: 'Search', render: () => <SearchPage /> },
  { pattern: '/films/:id', title: 'Film', render: ({ id = '' }) => <FilmPage key={id} id={id} /> },
  { pattern: '/signin', title: 'Sign in', render: () => <SignInPage /> },
  { pattern: '/signup', title: 'Create an account', render: () => <SignUpPage /> },
  { pattern: '/bookmarks', title: 'My bookmarks', render: () => <BookmarksPage /> },
  { pattern: '/notifications', title: 'Notifications', render: () => <NotificationsPage /> },
  { pattern: '/cart', title: 'Cart', render: () => <CartPage /> },
  { pattern: '/orders', title: 'My orders', render: () => <OrdersPage /> },
  {
    pattern: '/orders/:id',
    title: 'Order',
    render: ({ id = '' }) => <OrderPage key={id} id={id} />,
  },
  { pattern: '/support', title: 'Support', render: () => <SupportPage /> },
  {
    pattern: '/support/:id',
    title: 'Support ticket',
    render: ({ id = '' }) => <TicketPage key={id} id={id} />,
  },
  { pattern: '/assistant', title: 'Assistant', render: () => <AssistantPage /> },
  { pattern: '/admin', title: 'Analytics', render: () => <AdminPage /> },
];

function resolve(pathname: string): { route: Route | undefined; params: Record<string, string> } {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, pathname);
    if (params) return { route, params };
  }
  return { route: undefined, params: {} };
}

function NotFound() {
  return (
    <section className="status empty">
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to="/">Go to the home page</Link>.
      </p>
    </section>
  );
}

function Header() {
  const { viewer, signOut } = useAuth();
  const { unread } = useNotifications();
  const { count: inCart } = useCart();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the menu on every navigation
  useEffect(() => {
    setOpen(false);
  }, [pathname]);

  const nav = (to: string, label: string, extra?: ReactNode) => (
    <li>
      <Link
        className="nav-link"
        to={to}
        aria-current={pathname === to ? 'page' : undefined}
        onClick={() => track({ type: 'click', element: 'nav-button', target: to, page: pathname })}
      >
        {label}
        {extra && ' '}
        {extra}
      </Link>
    </li>
  );

  return (
    <header className="site-header">
      <div className="bar">
        <Link to="/" className="brand" aria-label="CineSync home">
          <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
            <circle cx="32" cy="32" r="18" fill="none" stroke="currentColor" strokeWidth="6" />
            <circle cx="32" cy="32" r="5" fill="currentColor" />
          </svg>
          CineSync
        </Link>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={open}
          aria-controls="site-nav"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">☰</span>
          <span className="visually-hidden">Menu</span>
          {unread > 0 && <span className="badge dot" aria-hidden="true" />}
        </button>
        <nav id="site-nav" className={open ? 'open' : ''} aria-label="Main">
          <ul>
            {nav('/search', 'Search')}
            {viewer && nav('/bookmarks', 'Bookmarks')}
            {viewer &&
              nav(
                '/cart',
                'Cart',
                inCart > 0 ? (
                  <span className="badge neutral">
                    {inCart}
                    <span className="visually-hidden"> items</span>
                  </span>
                ) : undefined,
              )}
            {viewer && nav('/orders', 'Orders')}
            {viewer &&
              nav(
                '/notifications',
                'Notifications',
                unread > 0 ? (
                  <span className="badge">
                    {unread}
                    <span className="visually-hidden"> unread</span>
                  </span>
                ) : undefined,
              )}
            {viewer && nav('/assistant', 'Assistant')}
            {viewer && nav('/support', 'Support')}
            {viewer?.isAdmin && nav('/admin', 'Analytics')}
          </ul>
          <div className="account">
            {viewer ? (
              <>
                <span className="who" title={viewer.email}>
                  {viewer.displayName ?? viewer.email ?? 'Signed in'}
                </span>
                <button
                  type="button"
                  className="button ghost small"
                  onClick={() => {
                    signOut().then(() => navigate('/'), setSignOutError);
                  }}
                >
                  Sign out
                </button>
              </>
            ) : (
              <>
                <Link className="button ghost small" to="/signin">
                  Sign in
                </Link>
                <Link className="button small" to="/signup">
                  Sign up
                </Link>
              </>
            )}
          </div>
        </nav>
      </div>
      <ErrorNote error={signOutError} />
    </header>
  );
}

export function App() {
  const { pathname } = useLocation();
  const { route, params } = resolve(pathname);
  const main = useRef<HTMLElement>(null);
  const shown = useRef<string | undefined>(undefined);

  useEffect(() => {
    document.title = route ? `${route.title} · CineSync` : 'Not found · CineSync';
    pageViews.enter(
      route?.pattern ?? '(not found)',
      route?.pattern === '/films/:id' ? params.id : undefined,
    );
    // After a client-side navigation, start reading (and tabbing) at the new page, as a full load would.
    const page = `${route?.pattern}:${params.id}`;
    if (shown.current !== undefined && shown.current !== page) {
      window.scrollTo(0, 0);
      main.current?.focus({ preventScroll: true });
    }
    shown.current = page;
  }, [route, params.id]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        <ErrorBoundary resetKey={pathname}>
          {route ? route.render(params) : <NotFound />}
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          CineSync — open-source online cinema · <a href="/api/docs">API docs</a>
        </p>
      </footer>
    </>
  );
}
