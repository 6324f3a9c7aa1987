// A real VS Code for tests and demos without downloading VS Code: code-server from npm
// (VS Code 1.100.3's own workbench and extension host) plus Debian's Chromium driven by
// playwright-core. scripts/vscode/README.md says why each install step exists.
// Node built-ins only (playwright-core is loaded lazily by openWorkbench).
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync,
  rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in scripts/vscode/). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Exact code-server release; 4.100.3 carries VS Code 1.100.3 (checked in lib/vscode/package.json at install). */
export const CODE_SERVER_VERSION = '4.100.3';
/** VS Code version the pinned code-server must carry; the install fails loudly otherwise. */
export const VSCODE_VERSION = '1.100.3';

/** Debian packages code-server's native modules and the browser need (scripts/vscode/README.md#installing-code-server). */
export const SYSTEM_PACKAGES = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep', 'chromium'];

/** Where code-server is installed; `.cache/` is gitignored. */
export const codeServerCacheDir = join(repoRoot, '.cache', 'code-server');
const markerFile = join(codeServerCacheDir, '.specline-installed');
const lockDir = join(repoRoot, '.cache', 'code-server.lock');
const codeServerRoot = join(codeServerCacheDir, 'node_modules', 'code-server');
const codeServerEntry = join(codeServerRoot, 'out', 'node', 'entry.js');

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

const log = (msg) => console.log(`[vscode] ${msg}`);
/** A bound for Promise.race that does not keep the process alive once the race is won. */
const deadline = (ms) => sleep(ms, undefined, { ref: false });
const seconds = (startMs) => `${((performance.now() - startMs) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------
// Process hygiene. This registry is the one piece of module state: it must outlive every
// caller so that no server, install step or temp folder is left behind when the process
// ends for any reason. Cleanups are synchronous (SIGKILL a process group, rmSync) because
// 'exit' handlers cannot wait; Playwright kills the browsers it launched on exit itself.
// ---------------------------------------------------------------------------------------

/** @type {Set<() => void>} */
const cleanups = new Set();
let handlersInstalled = false;

/**
 * Registers `fn` to run when the process exits, is interrupted (SIGINT/SIGTERM/SIGHUP) or
 * {@link cleanupNow} is called. Returns a function that unregisters it.
 */
export function onCleanup(fn) {
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('exit', cleanupNow);
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
      process.once(signal, () => {
        log(`${signal}: stopping everything this run started`);
        process.exit(code); // runs the 'exit' handler above
      });
    }
  }
  cleanups.add(fn);
  return () => { cleanups.delete(fn); };
}

/** Runs (and forgets) every registered cleanup, newest first. */
export function cleanupNow() {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try { fn(); } catch { /* best effort: keep cleaning */ }
  }
}

/**
 * For command-line entry points only (a library must not exit its host on errors): an
 * uncaught error or rejected promise prints the error and exits 1, which cleans up.
 */
export function exitOnUnhandledErrors() {
  const fail = (kind) => (err) => {
    console.error(`[vscode] ${kind}:`, err);
    process.exit(1);
  };
  process.on('uncaughtException', fail('uncaught exception'));
  process.on('unhandledRejection', fail('unhandled rejection'));
}

/** A fresh temp folder that is removed on exit unless `release()`d first (to keep or remove it yourself). */
export function tempDir(prefix) {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const release = onCleanup(() => rmSync(path, { recursive: true, force: true }));
  return { path, release };
}

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------

/**
 * Runs a command with inherited output, printing it first; rejects on a non-zero exit or
 * when `timeoutMs` passes. The child gets its own process group, killed on timeout and by
 * the cleanup registry. `interruptible: false` (apt-get: a SIGKILLed dpkg leaves the
 * system half-configured) keeps it in our group instead, so Ctrl-C reaches it as a normal
 * SIGINT, and a timeout sends SIGTERM.
 */
export function runProcess(command, args, { cwd = repoRoot, env = process.env, timeoutMs = 10 * 60_000, interruptible = true } = {}) {
  log(`$ ${[command, ...args].join(' ')}${cwd === repoRoot ? '' : `   (in ${cwd})`}`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], detached: interruptible });
    const kill = () => (interruptible ? killGroup(child.pid, 'SIGKILL') : child.kill('SIGTERM'));
    const untrack = interruptible ? onCleanup(kill) : () => {};
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`${command} ${args.join(' ')} timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); untrack(); reject(err); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      untrack();
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

function killGroup(pid, signal) {
  if (!pid) return;
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}

function isAlive(pid) {
  try { process.kill(pid, 0); return true; } catch (err) { return err.code === 'EPERM'; }
}

/** npm's environment when this runs under `npm run`, minus what would point npm at the project. */
function npmEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_|^npm_config_local_prefix$|^INIT_CWD$/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

/** Last `lines` lines of a text file ('' when unreadable). */
export function tail(file, lines = 60) {
  try { return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n'); } catch { return ''; }
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePromise(port));
    });
  });
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolvePromise) => {
    const req = request(url, { timeout: timeoutMs }, (res) => { res.resume(); resolvePromise(res.statusCode ?? 0); });
    req.on('timeout', () => { req.destroy(); resolvePromise(0); });
    req.on('error', () => resolvePromise(0));
    req.end();
  });
}

/**
 * Polls `check` every `intervalMs` until it returns a truthy value; rejects with `what`
 * after `timeoutMs`. Returns the truthy value.
 */
export async function waitUntil(check, { timeoutMs, intervalMs = 200, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${(timeoutMs / 1000).toFixed(0)} s waiting for ${what}`);
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------
// Installation
// ---------------------------------------------------------------------------------------

/**
 * Checks the Debian packages with `dpkg -s`; when some are missing and we are root, runs
 * `apt-get update` and installs them. Throws with the command to run otherwise.
 */
export async function ensureSystemPackages({ packages = SYSTEM_PACKAGES } = {}) {
  if (spawnSync('dpkg', ['--version'], { stdio: 'ignore' }).status !== 0) {
    // Not Debian: we cannot check, but the two binaries we call must exist.
    for (const bin of [CHROMIUM_PATH, '/usr/bin/rg']) {
      if (!existsSync(bin)) throw new Error(`${bin} is missing and this is not a Debian system; install ${SYSTEM_PACKAGES.join(' ')} or their equivalents.`);
    }
    return;
  }
  const missing = packages.filter((p) => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status !== 0);
  if (missing.length === 0) return;
  const install = ['install', '-y', '--no-install-recommends', ...missing];
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}. Run as root: apt-get update && apt-get ${install.join(' ')}`);
  }
  const start = performance.now();
  log(`installing missing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Another apt-get (a colleague's script, unattended upgrades) may hold the dpkg lock: wait for it.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=600'];
  await runProcess('apt-get', [...lockWait, 'update'], { env, timeoutMs: 12 * 60_000, interruptible: false });
  await runProcess('apt-get', [...lockWait, ...install], { env, timeoutMs: 20 * 60_000, interruptible: false });
  log(`Debian packages installed in ${seconds(start)}`);
}

/** True when the cache holds a complete install of the pinned version. */
export function codeServerInstalled() {
  try { return readFileSync(markerFile, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(codeServerEntry); } catch { return false; }
}

/**
 * Installs code-server into `.cache/code-server/` (the steps of scripts/vscode/README.md#installing-code-server). Idempotent:
 * the marker file written last says the install is complete; anything else (a half-done
 * install, another version, `force`) is wiped and redone. A lock lets concurrent runs
 * share one install. Returns the code-server root.
 */
export async function ensureCodeServer({ force = false } = {}) {
  const start = performance.now();
  if (force) rmSync(markerFile, { force: true });
  if (codeServerInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION} cached (${seconds(start)})`);
    return codeServerRoot;
  }
  const release = await acquireInstallLock();
  try {
    if (codeServerInstalled()) return codeServerRoot; // another process finished it meanwhile
    log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerCacheDir} (about 2 minutes, ~300 MB)`);
    rmSync(codeServerCacheDir, { recursive: true, force: true });
    mkdirSync(codeServerCacheDir, { recursive: true });
    // Without its own package.json npm would climb to the project's and install there.
    writeFileSync(join(codeServerCacheDir, 'package.json'), `${JSON.stringify({ name: 'specline-code-server-cache', private: true }, null, 2)}\n`);
    const npm = (args, cwd, extraEnv) => runProcess('npm', args, { cwd, env: npmEnv(extraEnv), timeoutMs: 15 * 60_000 });
    const vscodeDir = join(codeServerRoot, 'lib', 'vscode');

    // 1. code-server itself, without its postinstall (refuses root under npm 11, downloads from GitHub).
    await npm(['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], codeServerCacheDir);
    const carried = JSON.parse(readFileSync(join(vscodeDir, 'package.json'), 'utf8')).version;
    if (carried !== VSCODE_VERSION) throw new Error(`code-server ${CODE_SERVER_VERSION} carries VS Code ${carried}, expected ${VSCODE_VERSION}`);

    // 2. VS Code's server dependencies, then only the native modules rebuilt against this Node.
    await npm(['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vscodeDir);
    await npm(['rebuild', 'node-pty', 'kerberos', '@parcel/watcher', '@vscode/spdlog', 'native-watchdog', '@vscode/deviceid'], vscodeDir, { npm_config_yes: 'true' });

    // 3. @vscode/ripgrep would download rg from GitHub: use Debian's.
    const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    mkdirSync(rgBin, { recursive: true });
    forceSymlink('/usr/bin/rg', join(rgBin, 'rg'));

    // 4. Paths the server expects from a packaged build.
    forceSymlink('node_modules', join(vscodeDir, 'node_modules.asar'));
    forceSymlink('code-linux.sh', join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
    forceSymlink('browser-linux.sh', join(vscodeDir, 'bin', 'helpers', 'browser.sh'));

    // 5. The built-in extensions' dependencies.
    await npm(['install', '--omit=dev', '--no-audit', '--no-fund'], join(vscodeDir, 'extensions'));

    // 6. code-server's password hashing module, hoisted to the cache folder's node_modules.
    await npm(['rebuild', 'argon2'], codeServerCacheDir);

    // A native module that failed to build only shows up later as an obscure server error.
    verifyNativeModules(vscodeDir);

    writeFileSync(markerFile, `${CODE_SERVER_VERSION}\n`);
    log(`code-server ${CODE_SERVER_VERSION} (VS Code ${carried}) installed in ${seconds(start)}`);
    return codeServerRoot;
  } finally {
    release();
  }
}

function verifyNativeModules(vscodeDir) {
  const probes = [
    [codeServerCacheDir, 'argon2'],
    ...['node-pty', 'kerberos', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher'].map((m) => [vscodeDir, m]),
  ];
  for (const [dir, mod] of probes) {
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(mod)})`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    if (r.status !== 0) throw new Error(`native module ${mod} does not load after the install:\n${(r.stderr || '').split('\n').slice(0, 8).join('\n')}`);
  }
}

function forceSymlink(target, path) {
  rmSync(path, { force: true });
  symlinkSync(target, path);
}

async function acquireInstallLock() {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      const remove = () => rmSync(lockDir, { recursive: true, force: true });
      const unregister = onCleanup(remove);
      return () => { unregister(); remove(); };
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    let holder = NaN;
    try { holder = Number(readFileSync(join(lockDir, 'pid'), 'utf8')); } catch { /* being written or stale */ }
    const ageMs = Date.now() - statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs;
    const known = Number.isInteger(holder) && holder > 0;
    if ((known && !isAlive(holder)) || (!known && ageMs > 10_000)) {
      rmSync(lockDir, { recursive: true, force: true }); // stale lock from a killed install
      continue;
    }
    if (!announced) { log(`waiting for another code-server install (pid ${holder})…`); announced = true; }
    if (Date.now() > deadline) throw new Error(`timed out waiting for the code-server install lock ${lockDir}`);
    await sleep(1000);
  }
}

// ---------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------

/**
 * User settings that make the workbench deterministic: no welcome page, walkthroughs, tips,
 * telemetry, update checks or notifications that race with tests.
 */
export function quietSettings({ disableWorkspaceTrust = true } = {}) {
  return {
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.welcomePage.extraAnnouncements': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.settings.enableNaturalLanguageSearch': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.commandCenter': true,
    'window.restoreWindows': 'none',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'update.showReleaseNotes': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': !disableWorkspaceTrust,
    'git.openRepositoryInParentFolders': 'never',
    'git.autoRepositoryDetection': false,
    'editor.accessibilitySupport': 'off',
    'chat.commandCenter.enabled': false,
    'chat.disableAIFeatures': true,
    'files.hotExit': 'off',
    // In a browser VS Code saves every edit after a second by default (desktop does not).
    // On a busy machine a test's unsaved edit then reaches the disk before the test reverts
    // it, and the revert restores the edited text: tests save explicitly when they mean to.
    'files.autoSave': 'off',
    'terminal.integrated.enablePersistentSessions': false,
  };
}

/**
 * Starts code-server on a free loopback port and waits until it answers HTTP.
 * `settings` are merged over {@link quietSettings}; `offline` (default) disables the
 * extension marketplace; `linkExtensions` lists extension folders to install as regular
 * extensions (see {@link linkExtension}). `exited` resolves when the server process ends
 * (`stopped`: whether stop() ended it). Temporary directories it creates are removed by
 * stop() unless `keep` is passed. A free port can be taken between the probe and the
 * bind: that is retried (twice) unless the caller chose the port.
 * @returns {Promise<{ url: string, port: number, logFile: string, userDataDir: string, extensionsDir: string, baseDir: string, pid: number, exited: Promise<{ reason: string, stopped: boolean }>, stop: (opts?: { keep?: boolean }) => Promise<void> }>}
 */
export async function startCodeServer(options = {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startCodeServerOnce(options);
    } catch (err) {
      if (options.port || attempt >= 3 || !err.addressInUse) throw err;
      log(`port taken before code-server bound it; retrying (${attempt}/2)`);
    }
  }
}

async function startCodeServerOnce({
  workspace, port, userDataDir, extensionsDir, disableWorkspaceTrust = true, settings = {}, offline = true,
  linkExtensions = [], startTimeoutMs = 60_000,
} = {}) {
  if (!codeServerInstalled()) throw new Error('code-server is not installed: call ensureCodeServer() first');
  const start = performance.now();
  const { path: base, release: releaseBase } = tempDir('specline-code-server-');
  userDataDir ??= join(base, 'user-data');
  extensionsDir ??= join(base, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  for (const root of linkExtensions) linkExtension(extensionsDir, root);
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify({ ...quietSettings({ disableWorkspaceTrust }), ...settings }, null, 2)}\n`);
  const logFile = join(base, 'code-server.log');
  port ??= await freePort();
  // Its own config file, so nothing is read from or written to ~/.config/code-server.
  const configFile = join(base, 'config.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    codeServerEntry, '--config', configFile, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened',
    ...(disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
    ...(workspace ? [workspace] : []),
  ];
  const fd = openSync(logFile, 'a');
  const env = { ...process.env };
  // A parent VS Code's variables would make the server think it runs inside one.
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_)/.test(k)) delete env[k];
  // No marketplace (code-server defaults to open-vsx.org): no network calls, nothing to wait on.
  if (offline) env.EXTENSIONS_GALLERY = '{}';
  const child = spawn(process.execPath, args, { cwd: base, env, stdio: ['ignore', fd, fd], detached: true });
  closeSync(fd);
  let exited = null;
  const exitPromise = new Promise((r) => child.on('exit', (code, signal) => { exited = signal ?? `exit ${code}`; r(); }));
  child.on('error', (err) => { exited = err.message; });

  const untrack = onCleanup(() => killGroup(child.pid, 'SIGKILL'));
  let stopped = false;
  const stop = async ({ keep = false } = {}) => {
    if (!stopped) {
      stopped = true;
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exitPromise, deadline(3000)]);
      killGroup(child.pid, 'SIGKILL'); // whatever of the group outlived the leader
      untrack();
    }
    releaseBase();
    if (!keep) rmSync(base, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(async () => {
      if (exited) throw new Error(`code-server exited during startup (${exited})`);
      return (await httpStatus(`${url}/healthz`)) === 200;
    }, { timeoutMs: startTimeoutMs, intervalMs: 150, what: `code-server at ${url}` });
  } catch (err) {
    if (/EADDRINUSE/.test(tail(logFile))) {
      await stop();
      throw Object.assign(err, { addressInUse: true });
    }
    console.error(`[vscode] code-server failed to start: ${err.message}\n--- ${logFile} (tail) ---\n${tail(logFile)}\n---`);
    await stop({ keep: true });
    throw err;
  }
  log(`code-server ready at ${url} in ${seconds(start)} (log: ${logFile})`);
  return { url, port, logFile, userDataDir, extensionsDir, baseDir: base, pid: child.pid, exited: exitPromise.then(() => ({ reason: exited, stopped })), stop };
}

/** The workbench URL for `folder`, with an optional extension-development payload. */
export function workbenchUrl(server, folder, payload) {
  const query = [];
  // Slashes stay readable in the folder path; the workbench decodes either form.
  if (folder) query.push(`folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`);
  if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${server.url}/?${query.join('&')}`;
}

/** The payload that loads `extensionRoot` as a development extension and runs `testsEntry`. */
export function extensionTestPayload(server, extensionRoot, testsEntry) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${resolve(p)}`;
  return [['extensionDevelopmentPath', remote(extensionRoot)], ['extensionTestsPath', remote(testsEntry)]];
}

/**
 * Opens the workbench in headless Debian Chromium (1600×1000). Playwright gives every
 * launch a fresh temporary profile and deletes it on close. `theme` sets the page's
 * prefers-color-scheme; the workbench theme itself comes from settings.
 * @returns {Promise<{ browser: import('playwright-core').Browser, context: import('playwright-core').BrowserContext, page: import('playwright-core').Page, url: string, consoleErrors: string[], close: () => Promise<void> }>}
 */
export async function openWorkbench({ server, folder, payload, theme, timeoutMs = 60_000 }) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: call ensureSystemPackages() first`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: timeoutMs });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([browser.close().catch(() => {}), deadline(5000)]);
  };
  try {
    const context = await browser.newContext({
      viewport: { width: 1600, height: 1000 }, locale: 'en-US', colorScheme: theme === 'dark' ? 'dark' : 'light',
    });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    const url = workbenchUrl(server, folder, payload);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    return { browser, context, page, url, consoleErrors, close };
  } catch (err) {
    await close();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------
// Workspaces and extensions
// ---------------------------------------------------------------------------------------

/**
 * Copies a fixture folder (relative to the repo or absolute) into `parent`, keeping its
 * base name so the window title reads like the original. Returns the copy's path.
 */
export function copyFixture(fixture, parent) {
  const source = resolve(repoRoot, fixture);
  if (!existsSync(source) || !statSync(source).isDirectory()) throw new Error(`fixture folder not found: ${source}`);
  const target = join(parent, source.split('/').filter(Boolean).pop());
  cpSync(source, target, { recursive: true, filter: (src) => !/\/(node_modules|\.git)(\/|$)/.test(src.slice(source.length)) });
  return target;
}

/**
 * Installs the working tree as a regular (not development) extension by linking the repo
 * root into `extensionsDir` under `<publisher>.<name>-<version>`, which the extension
 * scanner picks up on its first scan. Returns the extension id.
 */
export function linkExtension(extensionsDir, root = repoRoot) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  mkdirSync(extensionsDir, { recursive: true });
  for (const name of readdirSync(extensionsDir)) if (name.startsWith(`${id}-`)) rmSync(join(extensionsDir, name), { recursive: true, force: true });
  symlinkSync(root, join(extensionsDir, `${id}-${pkg.version}`));
  return id;
}

/**
 * The extensions code-server finds in `extensionsDir` (`id@version`), asked of code-server
 * itself so that a link it would not scan is caught before a browser opens.
 */
export function listExtensions(extensionsDir) {
  const scratch = mkdtempSync(join(tmpdir(), 'specline-code-server-list-'));
  try {
    const configFile = join(scratch, 'config.yaml');
    writeFileSync(configFile, 'auth: none\n');
    const r = spawnSync(process.execPath, [
      codeServerEntry, '--config', configFile, '--user-data-dir', join(scratch, 'user-data'),
      '--extensions-dir', extensionsDir, '--list-extensions', '--show-versions',
    ], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`code-server --list-extensions failed:\n${r.stderr || r.stdout}`);
    return r.stdout.split('\n').map((l) => l.trim()).filter((l) => /^[\w-]+\.[\w-]+@/.test(l));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Runs the extension bundler (scripts/bundle.mjs); the build must be fresh for every run. */
export async function bundleExtension() {
  const start = performance.now();
  await runProcess(process.execPath, ['scripts/bundle.mjs'], { timeoutMs: 3 * 60_000 });
  if (!existsSync(join(repoRoot, 'dist', 'extension.cjs'))) throw new Error('scripts/bundle.mjs did not produce dist/extension.cjs');
  log(`extension bundled in ${seconds(start)}`);
}

// `node scripts/vscode/codeServer.mjs [--force]`: install (or check) everything, e.g. as a
// CI step before the tests, so that its time is reported on its own.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  exitOnUnhandledErrors();
  const start = performance.now();
  await ensureSystemPackages();
  await ensureCodeServer({ force: process.argv.includes('--force') });
  log(`ready in ${seconds(start)}: code-server ${CODE_SERVER_VERSION} in ${codeServerCacheDir}, Chromium at ${CHROMIUM_PATH}`);
}
