export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  /** Whether a next page exists: one row more than the page is read instead of counting them all. */
  hasMore: boolean;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** LIMIT/OFFSET for a page, reading one extra row to learn whether more follow. */
export function window({ page, pageSize }: PageRequest): { limit: number; offset: number } {
  return { limit: pageSize + 1, offset: (page - 1) * pageSize };
}

export function toPage<T>(rows: T[], request: PageRequest): Page<T> {
  return {
    items: rows.slice(0, request.pageSize),
    page: request.page,
    pageSize: request.pageSize,
    hasMore: rows.length > request.pageSize,
  };
}
