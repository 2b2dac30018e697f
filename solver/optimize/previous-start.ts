/**
 * A start from the previous plan. With a previous plan the objective charges churn, so the previous
 * plan's own teams are often the best place to be; a greedy start alone can end in a local optimum that
 * moves thousands of hours and scores below simply keeping the previous plan (measured on Northwind:
 * 12,411 hours moved for +27.6 expected hours). So the previous teams are rebuilt, improved by the same
 * descent, and the optimizer keeps, per component, the better of this and its other searches.
 *
 * "The previous plan made feasible" — what the solver's result is guaranteed to be worth at least:
 *  1. previous hours count only on eligible (person, line) pairs and weeks the line plans in this horizon
 *     (everything else cannot recur; compileInstance charges its churn as a constant);
 *  2. each line seats its pinned people first, then the previous people with the most previous hours
 *     (ties: lower pair index) up to headcount;
 *  3. the hours are those Teams' knapsacks give these teams: pinned cells as pinned; previous hours come
 *     first (each hour kept is worth value + churn) up to hoursPerWeek and the person's free hours after
 *     pins, trimming the lowest-valued hours first when a week is over capacity; hours beyond the
 *     previous ones only where they pay for their churn;
 *  4. members left with no hours at all are not on the plan (no fragmentation for them).
 * When the previous plan is still feasible on the current scenario, step 3 keeps every previous hour, so
 * the result scores at least the previous plan itself. A plan fed back as its own previous plan (same
 * scenario and options) is rebuilt hour for hour (its knapsacks left no hour worth taking unused, and
 * churn only lowers the value of new hours), so the optimizer returns a plan at least as good: the same
 * plan with zero churn unless it finds a strictly better one.
 */
import { localSearch, LocalSearchStats } from './local-search.js';
import { seatPinnedPairs } from './greedy.js';
import { Instance } from './instance.js';
import { Teams } from './teams.js';

export interface PreviousStart {
  teams: Teams;
  /** Plan value (with instance.constant) of the previous plan made feasible, before the descent. */
  feasibleValue: number;
  /** Previous people not seated because the line's headcount was full. */
  overHeadcount: number;
  search: LocalSearchStats;
}

/** Σ previous hours of each pair (on line-weeks it can still work). */
function previousHoursByPair(inst: Instance): Float64Array {
  const hours = new Float64Array(inst.nPairs);
  for (const [key, q] of inst.previous) hours[Math.floor(key / inst.nWeeks)] += q;
  return hours;
}

/** Step 2: pinned people, then previous people by previous hours, up to each line's headcount. */
function seatPreviousTeams(teams: Teams): number {
  const inst = teams.instance;
  seatPinnedPairs(teams);
  const hours = previousHoursByPair(inst);
  let overHeadcount = 0;
  for (let line = 0; line < inst.nLines; line++) {
    const candidates: number[] = [];
    for (let e = inst.linePairStarts[line]; e < inst.linePairStarts[line + 1]; e++) if (!teams.inTeam[e] && hours[e] > 0) candidates.push(e);
    candidates.sort((a, b) => hours[b] - hours[a] || a - b);
    for (const e of candidates) {
      if (teams.hasRoom(line)) teams.add(e);
      else overHeadcount++;
    }
  }
  return overHeadcount;
}

/** Step 4: drops every unpinned member the knapsacks give no hour; each drop is worth exactly F. */
function dropIdleMembers(teams: Teams): void {
  const inst = teams.instance;
  const busy = new Uint8Array(inst.nPairs);
  teams.allocate((e) => (busy[e] = 1));
  for (let e = 0; e < inst.nPairs; e++) if (teams.inTeam[e] && !busy[e] && !inst.pairPinned[e]) teams.drop(e);
}

/** The previous plan made feasible (see the module comment); null when there is no previous plan. */
export function previousTeams(inst: Instance): { teams: Teams; overHeadcount: number } | null {
  if (inst.previous.size === 0) return null;
  const teams = new Teams(inst);
  const overHeadcount = seatPreviousTeams(teams);
  dropIdleMembers(teams);
  return { teams, overHeadcount };
}

/**
 * The previous plan made feasible, then descended by local search (work-capped by `passes`; a stop
 * leaves it where it is, never below the made-feasible value).
 */
export function startFromPrevious(inst: Instance, passes: number, shouldStop: () => boolean): PreviousStart | null {
  const start = previousTeams(inst);
  if (!start) return null;
  const feasibleValue = start.teams.value() + inst.constant;
  const search = localSearch(start.teams, passes, shouldStop);
  return { teams: start.teams, feasibleValue, overHeadcount: start.overHeadcount, search };
}

