export interface PageRequest {
  page: number;
  perPage: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  total: number;
  totalPages: number;
}

export const maxPerPage = 100;

export function pageOf<T>(items: T[], total: number, request: PageRequest): Page<T> {
  return {
    items,
    total,
    page: request.page,
    perPage: request.perPage,
    totalPages: Math.max(1, Math.ceil(total / request.perPage)),
  };
}

export function offsetOf(request: PageRequest): number {
  return (request.page - 1) * request.perPage;
}
