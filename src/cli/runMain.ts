/** Runs `specline` as this process: the one place that touches `process`. */
import { main } from './main.js';

export { main } from './main.js';

/** Runs `main` on this process's arguments and streams and sets its exit code. */
export async function runMain(): Promise<void> {
  // `specline check | head` closes the pipe early: that is the reader's choice, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });

  process.exitCode = await main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  });
}
