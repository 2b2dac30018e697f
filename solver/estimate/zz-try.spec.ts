import { it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { normalizeScenario } from '../scenario.js';
import { scopeLines, scopeSource } from './scope.js';
import { skillWeekShadowPrices } from '../pricing/shadow-prices.js';
it('runs', async () => {
  const nw = normalizeScenario(JSON.parse(readFileSync('/work/main/fixtures/northwind-consulting.json', 'utf8')));
  const src = scopeSource(nw, { opportunityId: 'opp-020' });
  const lines = scopeLines(src, nw, '2027-04-12');
  const weeks = [...new Set(lines.flatMap(l => l.weeks))].sort();
  const p = await skillWeekShadowPrices({ scenario: nw, horizon: { from: weeks[0], weeks: weeks.length }, scopeLines: lines, excludeOpportunityId: 'opp-020', contractorRate: (s, l) => 100 + l });
  lines.forEach((l, i) => console.log(l.lineId, l.skill, Array.from(p.scopeLinePrices[i]).map(x => x.toFixed(1)).join(' ')));
});
