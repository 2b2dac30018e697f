/**
 * The shared vocabulary of staffplan's solver: the canonical scenario (DESIGN.md §3), the planning
 * problem the optimizer works on, and the documents it produces (DESIGN.md §7).
 *
 * Pure types, no framework imports. Dates are ISO `YYYY-MM-DD` strings; a planning week is named by
 * its Monday's date. The definitions live in solver/types/ (one file per part); this module re-exports
 * them so every import of `solver/types.js` keeps working.
 */
export type * from './types/scenario.js';
export type * from './types/documents.js';
export type * from './types/problem.js';
