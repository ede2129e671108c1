const CELL = 44;
const LABEL = 56;

/** from → to counts as a heat map; empty cells stay dark. */
export function Matrix({
  labels,
  cells,
  title,
}: {
  labels: string[];
  cells: { from: string; to: string; count: number }[];
  title: string;
}) {
  const max = Math.max(1, ...cells.map((cell) => cell.count));
  const count = (from: string, to: string) =>
    cells.find((cell) => cell.from === from && cell.to === to)?.count ?? 0;
  const size = LABEL + labels.length * CELL;
  return (
    <figure className="chart matrix">
      <svg
        viewBox={`0 0 ${size + 4} ${size + 16}`}
        role="img"
        aria-label={title}
        style={{ maxWidth: `${size * 1.4}px` }}
      >
        <text
          x={LABEL + (labels.length * CELL) / 2}
          y={10}
          textAnchor="middle"
          className="axis-title"
        >
          to →
        </text>
        {labels.map((label, column) => (
          <text
            key={`to-${label}`}
            x={LABEL + column * CELL + CELL / 2}
            y={LABEL - 8}
            textAnchor="middle"
          >
            {label}
          </text>
        ))}
        {labels.map((from, row) => (
          <g key={`from-${from}`}>
            <text x={LABEL - 6} y={LABEL + row * CELL + CELL / 2 + 4} textAnchor="end">
              {from}
            </text>
            {labels.map((to, column) => {
              const value = count(from, to);
              return (
                <g key={to}>
                  <rect
                    x={LABEL + column * CELL + 1}
                    y={LABEL + row * CELL + 1}
                    width={CELL - 2}
                    height={CELL - 2}
                    rx={4}
                    className="cell"
                    style={{ fillOpacity: value === 0 ? 0.06 : 0.25 + (0.75 * value) / max }}
                  >
                    <title>{`${from} → ${to}: ${value}`}</title>
                  </rect>
                  {value > 0 && (
                    <text
                      x={LABEL + column * CELL + CELL / 2}
                      y={LABEL + row * CELL + CELL / 2 + 4}
                      textAnchor="middle"
                      className="cell-value"
                    >
                      {value}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className="hint">Rows: quality before the change; columns: after.</figcaption>
    </figure>
  );
}
