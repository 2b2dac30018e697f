/**
 * Test support for the CLI commands' specs (not a spec itself): a temp directory per test and what the
 * command wrote to stdout and stderr, captured as text instead of printed.
 */
import { afterEach, beforeEach, jest } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliOutput {
  /** A fresh temp directory for the current test (removed after it). */
  readonly dir: string;
  /** Everything written so far in this test; a test may reset it to '' between two commands. */
  stdout: string;
  stderr: string;
}

/** Registers the beforeEach/afterEach that give every test of the calling file its own CliOutput. */
export function captureCliOutput(dirPrefix: string): CliOutput {
  const output = { dir: '', stdout: '', stderr: '' };
  beforeEach(async () => {
    output.dir = await mkdtemp(join(tmpdir(), dirPrefix));
    output.stdout = '';
    output.stderr = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => ((output.stdout += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => ((output.stderr += String(chunk)), true));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await rm(output.dir, { recursive: true, force: true });
  });
  return output;
}
