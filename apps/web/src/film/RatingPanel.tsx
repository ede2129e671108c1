import { useState } from 'react';
import { api, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { FilmStats } from '../api/types';
import { useAuth } from '../auth/auth';
import { ErrorNote, SignInPrompt } from '../components/status';
import { useAction, useAsync } from '../lib/useAsync';

const VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** Ratings 1..10 as bars; the tallest bar is full height. */
function Distribution({ stats }: { stats: FilmStats }) {
  const counts = VALUES.map((value) => stats.distribution[String(value)] ?? 0);
  const max = Math.max(1, ...counts);
  return (
    <figure className="distribution">
      <svg
        viewBox="0 0 200 60"
        role="img"
        aria-label="How many people gave each rating from 1 to 10"
      >
        {counts.map((count, index) => {
          const height = (count / max) * 48;
          return (
            <g key={VALUES[index]}>
              <rect
                x={index * 20 + 3}
                y={50 - height}
                width={14}
                height={Math.max(height, 0.5)}
                rx={2}
              >
                <title>{`${VALUES[index]}: ${count}`}</title>
              </rect>
              <text x={index * 20 + 10} y={59} textAnchor="middle">
                {VALUES[index]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function RatingPanel({ filmId }: { filmId: string }) {
  const { viewer } = useAuth();
  const stats = useAsync(
    () => ok(api.GET('/api/v1/films/{filmId}/stats', { params: { path: { filmId } } })),
    [filmId],
  );
  const mine = useAsync(async () => {
    if (!viewer) return null;
    try {
      const rating = await ok(
        api.GET('/api/v1/ratings/{filmId}', { params: { path: { filmId } } }),
      );
      return rating.value;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  }, [filmId, viewer?.id]);
  const [hover, setHover] = useState<number>();

  const rate = useAction(async (value: number) => {
    const answer = await ok(api.PUT('/api/v1/ratings', { body: { filmId, value } }));
    mine.setData(() => answer.value);
    stats.setData(() => answer.stats);
  });
  const clear = useAction(async () => {
    await ok(api.DELETE('/api/v1/ratings/{filmId}', { params: { path: { filmId } } }));
    mine.setData(() => null);
    stats.reload();
  });

  const current = mine.data ?? undefined;
  const data = stats.data;
  return (
    <section className="panel rating-panel" aria-labelledby="rating-heading">
      <h2 id="rating-heading">Ratings</h2>
      <ErrorNote error={stats.error} retry={stats.reload} />
      {data && (
        <div className="stats">
          {data.average === null ? (
            <p className="big-number none">No ratings yet</p>
          ) : (
            <p className="big-number">
              {data.average.toFixed(1)}
              <span className="unit">/10</span>
            </p>
          )}
          <dl className="stat-list">
            <div className="stat">
              <dt>Ratings</dt>
              <dd>{data.count}</dd>
            </div>
            <div className="stat">
              <dt>Liked (6+)</dt>
              <dd>{data.likes}</dd>
            </div>
            <div className="stat">
              <dt>Disliked (≤5)</dt>
              <dd>{data.dislikes}</dd>
            </div>
          </dl>
          <Distribution stats={data} />
        </div>
      )}
      <h3>Your rating</h3>
      {!viewer ? (
        <SignInPrompt what="rate this film" />
      ) : (
        <>
          <fieldset className="rating-picker" onMouseLeave={() => setHover(undefined)}>
            <legend className="visually-hidden">Your rating from 1 to 10</legend>
            {VALUES.map((value) => (
              <button
                key={value}
                type="button"
                className={value <= (hover ?? current ?? 0) ? 'on' : ''}
                aria-pressed={current === value}
                aria-label={`Rate ${value} out of 10`}
                disabled={rate.pending || mine.loading}
                onMouseEnter={() => setHover(value)}
                onFocus={() => setHover(value)}
                onBlur={() => setHover(undefined)}
                onClick={() => void rate.run(value)}
              >
                {value}
              </button>
            ))}
          </fieldset>
          <p className="hint" role="status">
            {current ? `You rated it ${current}/10.` : 'Not rated by you yet.'}{' '}
            {current && (
              <button type="button" className="link-button" onClick={() => void clear.run()}>
                Remove my rating
              </button>
            )}
          </p>
          <ErrorNote error={rate.error ?? clear.error ?? mine.error} />
        </>
      )}
    </section>
  );
}
