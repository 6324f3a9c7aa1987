/**
 * The bundle's entry (`dist/cli.js`, which `bin/specline.js` imports): loads the CLI bundle
 * beside it with its code cache (see `loadCliBundle.ts`) and runs it.
 */
import { loadCliBundle } from './loadCliBundle.js';

// Not an `import` of `node:url`: see loadCliBundle.ts on why built-ins come from getBuiltinModule.
const { fileURLToPath } = process.getBuiltinModule('node:url');

await loadCliBundle(fileURLToPath(new URL('./cli-main.cjs', import.meta.url))).exports.runMain();
