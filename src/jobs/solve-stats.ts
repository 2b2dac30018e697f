/** The solver statistics a job shows (GET /v1/jobs/{id}) and metrics observe, read off its document. */
export interface SolveStats {
  solver?: { backend?: string; status?: string; timeMs?: number; algorithm?: string; gap?: number; objective?: number; bound?: number; boundKind?: string };
  [key: string]: unknown;
}

export function solveStats(document: unknown): SolveStats {
  const doc = (document ?? {}) as {
    solver?: { backend?: string; status?: string; timeMs?: number; algorithm?: string };
    gap?: number;
    objective?: { value?: number };
    bound?: { value?: number; kind?: string };
  };
  if (!doc.solver) return {};
  return {
    solver: {
      backend: doc.solver.backend,
      status: doc.solver.status,
      timeMs: doc.solver.timeMs,
      algorithm: doc.solver.algorithm,
      gap: doc.gap,
      objective: doc.objective?.value,
      bound: doc.bound?.value,
      boundKind: doc.bound?.kind,
    },
  };
}
