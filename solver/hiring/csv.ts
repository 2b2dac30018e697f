/** The hiring signals as CSV for HR (RFC 4180: comma-separated, CRLF, fields quoted when needed). */
import type { HiringForecast, HiringSignal } from './types.js';

const COLUMNS: (keyof HiringSignal)[] = [
  'skill', 'location', 'action', 'fte', 'people', 'neededBy', 'leadTimeWeeks', 'firstShortWeek', 'lastShortWeek',
  'shortageWeeks', 'shortageHours', 'confidence', 'expectedUtilization', 'cost', 'fromSkills', 'lines',
];

function field(value: unknown): string {
  const text = value === undefined || value === null ? '' : Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function hiringSignalsCsv(forecast: Pick<HiringForecast, 'signals'>): string {
  const rows = forecast.signals.map((signal) => COLUMNS.map((column) => field(signal[column])).join(','));
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
