/** An RFC 9457 problem from the API (or a stand-in for a network failure), as a thrown error. */
import type { QueryClient, QueryKey } from '@tanstack/react-query';

export interface FieldError {
  pointer?: string;
  parameter?: string;
  header?: string;
  detail: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | null = null,
    readonly errors: FieldError[] = [],
    readonly traceId: string | null = null,
    /** What a lifecycle step still needs (`transition-guard-failed`), e.g. "determined_with_student". */
    readonly missing: string[] = [],
  ) {
    super(`${status} ${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ApiProblem';
  }

  static fromBody(status: number, body: unknown, traceId: string | null = null): ApiProblem {
    const doc = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const code = typeof doc.code === 'string' ? doc.code : `http-${status}`;
    const detail = typeof doc.detail === 'string' ? doc.detail : null;
    const errors = Array.isArray(doc.errors) ? (doc.errors as FieldError[]) : [];
    const trace = typeof doc.trace_id === 'string' ? doc.trace_id : traceId;
    const missing = Array.isArray(doc.missing)
      ? doc.missing.filter((m): m is string => typeof m === 'string')
      : [];
    return new ApiProblem(status, code, detail, errors, trace, missing);
  }

  static network(): ApiProblem {
    return new ApiProblem(0, 'network-error');
  }
}

export function isProblem(error: unknown, status?: number): error is ApiProblem {
  return error instanceof ApiProblem && (status === undefined || error.status === status);
}

/** Someone else saved first (412): load their version, so the page shows it while what the
 * user typed stays in the form. */
export function reloadOnConflict(queryClient: QueryClient, key: QueryKey) {
  return (error: Error) => {
    if (isProblem(error, 412)) void queryClient.invalidateQueries({ queryKey: key });
  };
}
