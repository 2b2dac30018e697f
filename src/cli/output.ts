/**
 * What the commands print: a progress bar on stderr (only when stderr is a terminal), the document as
 * JSON, and small table/number formatting for the readable summaries.
 */
import { writeFile } from 'node:fs/promises';
import type { Progress } from '../../solver/types.js';

const BAR_WIDTH = 30;

/** A progress callback drawing `[#####-----]  45 % solve` on stderr; a no-op when not a TTY. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { onProgress: (p: Progress) => void; done: () => void } {
  if (!stream.isTTY) return { onProgress: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    onProgress: ({ phase, percent }) => {
      const filled = Math.round((BAR_WIDTH * percent) / 100);
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(percent)).padStart(3)} % ${phase.padEnd(12)}`);
      drawn = true;
    },
    done: () => {
      if (drawn) stream.write('\r' + ' '.repeat(BAR_WIDTH + 24) + '\r');
    },
  };
}

/** Prints the document as JSON (--json) and/or writes it to a file (--out). */
export async function emitDocument(document: unknown, options: { json: boolean; out?: string }): Promise<void> {
  const text = JSON.stringify(document, null, 2) + '\n';
  if (options.out) await writeFile(options.out, text, 'utf8');
  if (options.json) process.stdout.write(text);
}

export function num(value: number, decimals = 1): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function percent(part: number, whole: number): string {
  return whole > 0 ? `${num((100 * part) / whole, 1)} %` : 'n/a';
}

/** A plain text table: header, rows, columns padded; numbers right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((r) => /^-?[\d,.]+( %)?$/.test(r[c])));
  const line = (cells: string[]) => cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}
