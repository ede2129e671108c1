export interface Bar {
  label: string;
  value: number;
  /** Shown after the value, e.g. "12 views". */
  note?: string;
}

/** Horizontal bars, longest first as given; labels left, values right. Wraps fine on a phone. */
export function BarChart({
  bars,
  title,
  format = String,
}: {
  bars: Bar[];
  title: string;
  format?: (value: number) => string;
}) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <figure className="bar-chart" aria-label={title}>
      <ol>
        {bars.map((bar) => (
          <li key={bar.label}>
            <span className="bar-label">{bar.label}</span>
            <span className="bar-track" aria-hidden="true">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect width={Math.max((bar.value / max) * 100, 0.5)} height={10} rx={1.5} />
              </svg>
            </span>
            <span className="bar-value">
              {format(bar.value)}
              {bar.note && <span className="hint"> · {bar.note}</span>}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
