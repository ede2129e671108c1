/** An RFC 9457 problem body, as every CineSync service answers errors. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** A failed API call, carrying what the server said so the page can show it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(describeProblem(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Reads whatever came back as a problem; anything else becomes a generic one. */
export function asProblem(body: unknown): Problem {
  if (!isRecord(body)) return {};
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  const errors = Array.isArray(body.errors)
    ? body.errors.filter(isRecord).map((error) => ({
        field: String(error.field ?? ''),
        message: String(error.message ?? ''),
      }))
    : undefined;
  return {
    type: text('type'),
    title: text('title'),
    status: typeof body.status === 'number' ? body.status : undefined,
    code: text('code'),
    detail: text('detail'),
    errors,
  };
}

/** One sentence for a person: the detail, else the title, else the status. */
export function describeProblem(status: number, problem: Problem): string {
  if (problem.detail) return problem.detail;
  if (problem.title) return problem.title;
  if (status === 0) return 'The server could not be reached. Check your connection and retry.';
  return `The server answered ${status}.`;
}

/** The message to show for anything a call may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return describeProblem(0, {});
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
