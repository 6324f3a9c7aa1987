/** The CLI entry of the tsc output (`out/src/cli/run.js`): runs `main` on import. The bundle starts from `launch.ts`. */
import { runMain } from './runMain.js';

await runMain();
