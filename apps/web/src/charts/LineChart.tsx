import { niceTicks, SERIES_COLOURS } from './scale';

export interface Series {
  name: string;
  values: number[];
}

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

/** Lines over time buckets, one per series, with a legend and a data table for screen readers. */
export function LineChart({
  labels,
  series,
  title,
}: {
  labels: string[];
  series: Series[];
  title: string;
}) {
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) =>
    PAD.left + (labels.length <= 1 ? innerW / 2 : (index / (labels.length - 1)) * innerW);
  const y = (value: number) => PAD.top + innerH - (value / top) * innerH;
  const labelEvery = Math.max(1, Math.ceil(labels.length / 6));

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {ticks.map((tick) => (
          <g key={tick} className="grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {labels.map((label, index) =>
          index % labelEvery === 0 ? (
            <text
              key={label}
              className="axis-label"
              x={x(index)}
              y={HEIGHT - 8}
              textAnchor="middle"
            >
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, index) => {
          const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
          const points = s.values.map((value, i) => `${x(i)},${y(value)}`).join(' ');
          return (
            <g key={s.name}>
              <polyline
                points={points}
                fill="none"
                stroke={colour}
                strokeWidth={2}
                strokeLinejoin="round"
              />
              {s.values.map((value, i) =>
                value > 0 ? (
                  <circle key={labels[i]} cx={x(i)} cy={y(value)} r={3} fill={colour}>
                    <title>{`${s.name} at ${labels[i]}: ${value}`}</title>
                  </circle>
                ) : null,
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {series.map((s, index) => (
          <span key={s.name}>
            <i
              style={{ background: SERIES_COLOURS[index % SERIES_COLOURS.length] }}
              aria-hidden="true"
            />
            {s.name} ({s.values.reduce((sum, value) => sum + value, 0)})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
