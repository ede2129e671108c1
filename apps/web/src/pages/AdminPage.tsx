import { type ReactNode, useState } from 'react';
import { api, ok } from '../api/client';
import { useAuth } from '../auth/auth';
import { BarChart } from '../charts/BarChart';
import { LineChart } from '../charts/LineChart';
import { Matrix } from '../charts/Matrix';
import { formatDuration, plural } from '../components/format';
import { Empty, ErrorNote, Loading, SignInPrompt } from '../components/status';
import { Link } from '../lib/router';
import { type AsyncState, useAsync } from '../lib/useAsync';

const RANGES = {
  hour: { label: 'Last hour', ms: 3_600_000, interval: 'minute' },
  day: { label: 'Last 24 hours', ms: 86_400_000, interval: 'hour' },
  week: { label: 'Last 7 days', ms: 7 * 86_400_000, interval: 'day' },
  month: { label: 'Last 30 days', ms: 30 * 86_400_000, interval: 'day' },
} as const;
type Range = keyof typeof RANGES;

function bucketLabel(iso: string, interval: string): string {
  const date = new Date(iso);
  if (interval === 'day')
    return date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function Card<T>({
  title,
  state,
  empty,
  children,
}: {
  title: string;
  state: AsyncState<T>;
  empty: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const id = `card-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section className="panel dashboard-card" aria-labelledby={id} aria-busy={state.loading}>
      <h2 id={id}>{title}</h2>
      {state.loading && !state.data && <Loading />}
      <ErrorNote error={state.error} retry={state.reload} />
      {state.data !== undefined &&
        (empty(state.data) ? <Empty>No events in this range.</Empty> : children(state.data))}
    </section>
  );
}

function Dashboard() {
  const [range, setRange] = useState<Range>('hour');
  const [version, setVersion] = useState(0);
  const { ms, interval } = RANGES[range];
  const span = () => {
    const to = new Date();
    return { from: new Date(to.getTime() - ms).toISOString(), to: to.toISOString() };
  };
  const deps = [range, version];

  const overTime = useAsync(
    () =>
      ok(
        api.GET('/api/v1/analytics/events-over-time', {
          params: { query: { ...span(), interval } },
        }),
      ),
    deps,
  );
  const topFilms = useAsync(async () => {
    const top = await ok(
      api.GET('/api/v1/analytics/top-films', {
        params: { query: { ...span(), by: 'views', limit: 10 } },
      }),
    );
    // Analytics knows film ids; the catalog knows their titles.
    const titles = await Promise.all(
      top.films.map((film) =>
        ok(api.GET('/api/v1/films/{id}', { params: { path: { id: film.filmId } } })).then(
          (detail) => detail.title,
          () => film.filmId,
        ),
      ),
    );
    return top.films.map((film, index) => ({ ...film, title: titles[index] ?? film.filmId }));
  }, deps);
  const dwell = useAsync(
    () =>
      ok(
        api.GET('/api/v1/analytics/dwell-by-page', { params: { query: { ...span(), limit: 10 } } }),
      ),
    deps,
  );
  const quality = useAsync(
    () => ok(api.GET('/api/v1/analytics/quality-changes', { params: { query: span() } })),
    deps,
  );
  const filters = useAsync(
    () =>
      ok(
        api.GET('/api/v1/analytics/search-filters', {
          params: { query: { ...span(), limit: 10 } },
        }),
      ),
    deps,
  );

  return (
    <>
      <div className="section-head">
        <h1>Analytics</h1>
        <div className="actions">
          <label htmlFor="range" className="visually-hidden">
            Time range
          </label>
          <select
            id="range"
            value={range}
            onChange={(event) => setRange(event.target.value as Range)}
          >
            {Object.entries(RANGES).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <button type="button" className="button small" onClick={() => setVersion(version + 1)}>
            Refresh
          </button>
        </div>
      </div>
      <div className="dashboard">
        <Card
          title="Events over time"
          state={overTime}
          empty={(data) => data.buckets.every((b) => b.total === 0)}
        >
          {(data) => (
            <LineChart
              title={`Events per ${data.interval}, by type`}
              labels={data.buckets.map((bucket) => bucketLabel(bucket.at, data.interval))}
              series={data.types.map((type) => ({
                name: type,
                values: data.buckets.map((bucket) => bucket.byType[type] ?? 0),
              }))}
            />
          )}
        </Card>
        <Card title="Top films by views" state={topFilms} empty={(data) => data.length === 0}>
          {(data) => (
            <BarChart
              title="Film page views"
              bars={data.map((film) => ({
                label: film.title,
                value: film.views,
                note: `${plural(film.viewers, 'viewer')}, ${film.completions} completed`,
              }))}
            />
          )}
        </Card>
        <Card title="Average time on page" state={dwell} empty={(data) => data.pages.length === 0}>
          {(data) => (
            <BarChart
              title="Average dwell time per page"
              format={formatDuration}
              bars={data.pages.map((page) => ({
                label: page.page,
                value: page.avgDwellMs,
                note: plural(page.views, 'view'),
              }))}
            />
          )}
        </Card>
        <Card title="Quality changes" state={quality} empty={(data) => data.changes.length === 0}>
          {(data) => (
            <Matrix title="Trailer quality changes" labels={data.qualities} cells={data.changes} />
          )}
        </Card>
        <Card
          title="Search filters used"
          state={filters}
          empty={(data) => data.filters.length === 0}
        >
          {(data) => (
            <BarChart
              title="Most used search filters"
              bars={data.filters.map((filter) => ({
                label: `${filter.name} = ${filter.value}`,
                value: filter.uses,
              }))}
            />
          )}
        </Card>
      </div>
    </>
  );
}

export function AdminPage() {
  const { viewer } = useAuth();
  if (!viewer)
    return (
      <>
        <h1>Analytics</h1>
        <SignInPrompt what="see the dashboard" />
      </>
    );
  if (!viewer.isAdmin) {
    return (
      <>
        <h1>Analytics</h1>
        <Empty>
          The dashboard is for administrators. <Link to="/">Back to films</Link>
        </Empty>
      </>
    );
  }
  return <Dashboard />;
}
