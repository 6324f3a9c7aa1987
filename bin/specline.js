#!/usr/bin/env node
// The `specline` command: the bundled CLI (built by `npm run build`).
import '../dist/cli.js';
