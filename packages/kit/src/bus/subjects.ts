/** NATS subject matching: `*` matches exactly one token, a final `>` matches one or more. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    const token = f[i];
    if (token === '>') return s.length > i;
    if (i >= s.length) return false;
    if (token !== '*' && token !== s[i]) return false;
  }
  return f.length === s.length;
}

export function matchesAny(filters: readonly string[], subject: string): boolean {
  return filters.some((filter) => subjectMatches(filter, subject));
}

export function dlqSubject(durable: string): string {
  return `dlq.${durable}`;
}

/** The first token of a subject decides its stream: `identity.user.created` → `IDENTITY`. */
export function streamToken(subject: string): string {
  const first = subject.split('.')[0] ?? '';
  if (first === '' || first === '*' || first === '>') {
    throw new Error(`subject "${subject}" needs a literal first token to pick its stream`);
  }
  return first;
}

/** Stream names may not hold `.`, `*`, `>` or whitespace. */
export function streamName(subject: string, prefix = ''): string {
  return `${prefix}${streamToken(subject)}`.toUpperCase().replace(/[^A-Z0-9_-]/g, '_');
}

/** A durable name becomes a NATS consumer name and the last token of `dlq.<durable>`. */
export function assertDurable(durable: string): void {
  if (!/^[A-Za-z0-9_-]+$/.test(durable)) {
    throw new Error(`durable "${durable}" may hold only letters, digits, "_" and "-"`);
  }
}
