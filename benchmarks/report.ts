/** The side-by-side comparison table, as aligned text for the terminal and as Markdown for the README. */
import type { ContenderResult } from './result.js';
import type { ReferenceValues } from './reference.js';

const HEADERS = ['size', 'contender', 'time s', 'peak MB', 'objective', 'coverage', 'margin', 'bound (kind)', 'gap', 'cov vs ref', 'cov vs greedy', 'unmet exp h', 'checker', 'status'];

function money(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Math.round(value).toLocaleString('en-US');
}

function number(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(2)} %`;
}

export function tableRows(results: ContenderResult[]): string[][] {
  return results.map((r) => [
    r.size,
    r.contender,
    number(r.timeSeconds, 2),
    r.peakMB ? String(r.peakMB) : '—',
    money(r.objective),
    number(r.coverage, 1),
    money(r.margin),
    r.bound ? `${money(r.bound.value)} (${r.bound.kind})` : '—',
    percent(r.gap),
    percent(r.coverageVsReference),
    percent(r.coverageVsGreedy),
    number(r.unmetExpectedHours, 1),
    r.checker === 'not run' ? (r.rulesOk === undefined ? 'not run' : r.rulesOk ? 'rules ok (no document)' : 'rules FAILED') : r.checker === 'ok' ? (r.rulesOk === false ? 'ok / rules FAILED' : 'ok') : 'FAILED',
    r.status + (r.message ? ` — ${r.message.slice(0, 140)}` : ''),
  ]);
}

export function textTable(results: ContenderResult[]): string {
  const rows = [HEADERS, ...tableRows(results)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => (column === HEADERS.length - 1 ? 0 : row[column].length))));
  return rows.map((row) => row.map((cell, column) => (column === HEADERS.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n');
}

export function markdownTable(results: ContenderResult[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${HEADERS.join(' | ')} |`,
    `|${HEADERS.map(() => '---').join('|')}|`,
    ...tableRows(results).map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

export function referenceNotes(references: Record<string, ReferenceValues | null>): string {
  return Object.entries(references)
    .filter((entry): entry is [string, ReferenceValues] => entry[1] !== null)
    .map(([size, ref]) => {
      const parts = [`${size}: bound ${money(ref.bound.value)} (${ref.bound.kind}); reference coverage ${number(ref.referenceCoverage.value, 1)} (${ref.referenceCoverage.kind}); coverage bound ${number(ref.coverageBound.value, 1)} (${ref.coverageBound.kind})`];
      if (ref.exactMip) parts.push(`exact MIP ${ref.exactMip.status}, value ${money(ref.exactMip.value)}, MIP gap ${percent(ref.exactMip.mipGap)}, ${number(ref.exactMip.timeSeconds, 1)} s`);
      if (ref.lpRelaxation) parts.push(`LP relaxation with headcount ${ref.lpRelaxation.status}${ref.lpRelaxation.value !== null ? ` ${money(ref.lpRelaxation.value)}` : ''} (${number(ref.lpRelaxation.timeSeconds, 1)} s${ref.lpRelaxation.message ? `, ${ref.lpRelaxation.message}` : ''})`);
      if (ref.headcountFreeLp) parts.push(`headcount-free LP ${ref.headcountFreeLp.status} ${money(ref.headcountFreeLp.value)} (${number(ref.headcountFreeLp.timeSeconds, 1)} s)`);
      parts.push(`Lagrangian value ${money(ref.lagrangian.value)}, coverage ${number(ref.lagrangian.coverage, 1)} (${number(ref.lagrangian.timeSeconds, 1)} s)`);
      return `- ${parts.join('; ')}`;
    })
    .join('\n');
}
