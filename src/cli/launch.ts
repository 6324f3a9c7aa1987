/**
 * The bundle's entry (`dist/cli.js`, which `bin/specline.js` imports): loads the CLI bundle
 * beside it with its code cache (see `loadCliBundle.ts`) and runs it.
 */
import { fileURLToPath } from 'node:url';
import { loadCliBundle } from './loadCliBundle.js';

await loadCliBundle(fileURLToPath(new URL('./cli-main.cjs', import.meta.url))).exports.runMain();
