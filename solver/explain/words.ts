/** Small helpers that put numbers, names and week ranges into a resource manager's words. */
import type { PlanLine } from '../types.js';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function countWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** Hours with at most two decimals, no trailing zeros. */
export function hoursText(hours: number): string {
  return `${Math.round(hours * 100) / 100} h`;
}

export function moneyText(amount: number, currency: string): string {
  return `${amount.toFixed(2)} ${currency}`;
}

/** `week 2027-03-01` or `weeks 2027-03-01 to 2027-04-12`. */
export function weekRange(first: string, last: string): string {
  return first === last ? `week ${first}` : `weeks ${first} to ${last}`;
}

/** "Ann, Bob and 3 more" — the first names, then a count. */
export function nameList(names: readonly string[], shown = 3): string {
  if (names.length <= shown) return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/** What the line needs: "level-4 data-engineering person, certified, in DE-BE" (or "people"). */
export function profileText(line: Pick<PlanLine, 'skill' | 'minLevel' | 'requiresCertification' | 'location' | 'remoteAllowed'>, count = 1): string {
  const noun = count === 1 ? 'person' : 'people';
  const certified = line.requiresCertification ? ', certified' : '';
  const where = line.location !== undefined && !line.remoteAllowed ? `${certified ? ',' : ''} in ${line.location}` : '';
  return `level-${line.minLevel} ${line.skill} ${noun}${certified}${where}`;
}
