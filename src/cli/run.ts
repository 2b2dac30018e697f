/**
 * The error policy every CLI command shares: usage and scenario mistakes print a clear message and
 * exit 2 (the usage too for the former); a failed independent check or any other failure exits 1.
 */
import { ScenarioError } from '../../solver/errors.js';
import { UsageError } from './args.js';

export async function runCommand(name: string, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`staffplan ${name}: ${error.message}\n${usage}\n`);
      return 2;
    }
    if (error instanceof ScenarioError) {
      process.stderr.write(`staffplan ${name}: invalid input — ${error.message}\n`);
      return 2;
    }
    const violations = (error as { violations?: unknown }).violations;
    process.stderr.write(`staffplan ${name}: ${(error as Error).message ?? String(error)}\n`);
    if (Array.isArray(violations)) for (const v of violations.slice(0, 50)) process.stderr.write(`  - ${v}\n`);
    return 1;
  }
}
