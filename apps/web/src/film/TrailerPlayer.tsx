import { useEffect, useId, useRef, useState } from 'react';
import { track } from '../analytics';

const QUALITIES = ['360p', '480p', '720p', '1080p'] as const;
type Quality = (typeof QUALITIES)[number];
const DURATION_SEC = 90;
const TICK_MS = 250;

const clock = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/**
 * The trailer player. The demo catalog has no video files, so playback is simulated and the
 * screen says so; the controls behave like a real player's (play, pause, seek, quality), and
 * report what a real one would: quality changes and watching to the end.
 */
export function TrailerPlayer({ filmId, title }: { filmId: string; title: string }) {
  const [playing, setPlaying] = useState(false);
  const [position, setPosition] = useState(0);
  const [quality, setQuality] = useState<Quality>('720p');
  const completed = useRef(false);
  const seekId = useId();
  const qualityId = useId();

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setPosition((current) => Math.min(DURATION_SEC, current + TICK_MS / 1000));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing]);

  useEffect(() => {
    if (position < DURATION_SEC) {
      if (position < DURATION_SEC - 1) completed.current = false;
      return;
    }
    setPlaying(false);
    if (completed.current) return;
    completed.current = true;
    track({ type: 'video_complete', filmId, positionSec: DURATION_SEC, durationSec: DURATION_SEC });
  }, [position, filmId]);

  const togglePlay = () => {
    if (!playing) {
      track({ type: 'click', element: 'trailer', target: filmId, filmId, page: '/films/:id' });
      if (position >= DURATION_SEC) setPosition(0);
    }
    setPlaying(!playing);
  };

  const changeQuality = (to: Quality) => {
    if (to === quality) return;
    track({ type: 'quality_change', filmId, from: quality, to, positionSec: Math.round(position) });
    setQuality(to);
  };

  return (
    <section className="panel player" aria-label={`Trailer: ${title}`}>
      <div className={`screen ${playing ? 'playing' : ''}`}>
        <p className="screen-title">{title}</p>
        <p className="screen-note">Simulated trailer — the demo catalog ships no video files</p>
        <span className="screen-quality" aria-hidden="true">
          {quality}
        </span>
        <div className="screen-progress" style={{ width: `${(position / DURATION_SEC) * 100}%` }} />
      </div>
      <div className="controls">
        <button type="button" className="button small" onClick={togglePlay} aria-pressed={playing}>
          {playing ? '❚❚ Pause' : '▶ Play trailer'}
        </button>
        <label className="visually-hidden" htmlFor={seekId}>
          Position in the trailer
        </label>
        <input
          id={seekId}
          type="range"
          min={0}
          max={DURATION_SEC}
          step={1}
          value={Math.floor(position)}
          aria-valuetext={`${clock(position)} of ${clock(DURATION_SEC)}`}
          onChange={(event) => setPosition(Number(event.target.value))}
        />
        <span className="time" aria-hidden="true">
          {clock(position)} / {clock(DURATION_SEC)}
        </span>
        <label htmlFor={qualityId} className="visually-hidden">
          Quality
        </label>
        <select
          id={qualityId}
          value={quality}
          onChange={(event) => changeQuality(event.target.value as Quality)}
        >
          {QUALITIES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
