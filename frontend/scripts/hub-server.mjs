/**
 * Starts a real `alliance-hub` for the end-to-end tests and the web benchmark: a debug build
 * (`ALLIANCE_HUB_BIN`, default `../target/debug/alliance-hub`), a free port on 127.0.0.1, a
 * fresh temporary DATA_DIR (SQLite), demo accounts and content, and the built frontend in
 * `dist/`. Plain JavaScript (checked by `tsc` through JSDoc) so that Node runs it as it is.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The frontend directory (this file is in `scripts/`). */
export const FRONTEND_DIR = resolve(import.meta.dirname, '..');

/**
 * @typedef {object} HubServer
 * @property {string} url        e.g. http://127.0.0.1:41234
 * @property {number} pid
 * @property {string} dataDir
 * @property {string} logFile    the server's stdout and stderr
 * @property {() => Promise<void>} stop  ends the server and removes its DATA_DIR
 */

/** The server binary, or a clear error saying how to get one. */
export function hubBinary() {
  const bin = resolve(
    process.env.ALLIANCE_HUB_BIN ?? join(FRONTEND_DIR, '..', 'target', 'debug', 'alliance-hub'),
  );
  if (!existsSync(bin) || !statSync(bin).isFile()) {
    throw new Error(
      `alliance-hub binary not found at ${bin}.\n` +
        'Build it in the repository root with `cargo build --bin alliance-hub`, ' +
        'or point ALLIANCE_HUB_BIN at one.',
    );
  }
  return bin;
}

/** The built frontend, or a clear error. */
export function builtFrontend() {
  const dist = join(FRONTEND_DIR, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`no built frontend in ${dist}: run \`npm run build\` first.`);
  }
  return dist;
}

/**
 * Files under `src/` changed since `dist/` was built (the tests would exercise the old app).
 * @returns {string[]}
 */
export function staleSources() {
  const built = statSync(join(FRONTEND_DIR, 'dist', 'index.html')).mtimeMs;
  const src = join(FRONTEND_DIR, 'src');
  return readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => statSync(path).mtimeMs > built);
}

/** A port nobody listens on right now. */
export function freePort() {
  return /** @type {Promise<number>} */ (
    new Promise((resolvePort, reject) => {
      const server = createServer();
      server.unref();
      server.on('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        server.close(() => {
          resolvePort(port);
        });
      });
    })
  );
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a server and waits until /healthz answers 200.
 *
 * @param {{ env?: Record<string, string>, timeoutMs?: number, name?: string }} [options]
 *   `env`: extra settings (e.g. `ACCESS_TOKEN_TTL`).
 * @returns {Promise<HubServer>}
 */
export async function startHub(options = {}) {
  const { env = {}, timeoutMs = 90_000, name = 'e2e' } = options;
  const bin = hubBinary();
  const dist = builtFrontend();
  const dataDir = await mkdtemp(join(tmpdir(), `alliance-hub-${name}-`));
  const logFile = join(dataDir, 'server.log');

  let lastError = /** @type {unknown} */ (undefined);
  // A port found free can be taken before the server binds it: try another then.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const url = `http://127.0.0.1:${String(port)}`;
    const log = await open(logFile, 'a');
    const child = spawn(bin, ['serve'], {
      env: {
        ...process.env,
        LISTEN_ADDR: `127.0.0.1:${String(port)}`,
        PUBLIC_URL: url,
        DATA_DIR: join(dataDir, `data-${String(attempt)}`),
        DEMO: '1',
        DEMO_CONTENT: 'true',
        FRONTEND_DIR: dist,
        LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '10000',
        LOG_FORMAT: 'pretty',
        RUST_LOG: 'warn',
        ...env,
      },
      stdio: ['ignore', log.fd, log.fd],
    });
    await log.close();
    /** @type {{ exited: boolean, code: number | null }} */
    const state = { exited: false, code: null };
    const exit = new Promise((r) => {
      child.once('exit', (code, signal) => {
        state.exited = true;
        state.code = code ?? (signal ? 128 : 1);
        r(undefined);
      });
    });

    const stop = async () => {
      if (!state.exited) {
        child.kill('SIGTERM');
        const killed = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
        if (!killed) {
          child.kill('SIGKILL');
          await exit;
        }
      }
      await rm(dataDir, { recursive: true, force: true });
    };

    const deadline = Date.now() + timeoutMs;
    while (!state.exited && Date.now() < deadline) {
      try {
        const response = await fetch(`${url}/healthz`);
        if (response.status === 200) {
          return { url, pid: child.pid ?? 0, dataDir, logFile, stop };
        }
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    const output = await readFile(logFile, 'utf8').catch(() => '');
    const tail = output.split('\n').slice(-30).join('\n');
    if (!state.exited) {
      child.kill('SIGKILL');
      await exit;
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`alliance-hub did not answer ${url}/healthz within ${String(timeoutMs)} ms:\n${tail}`);
    }
    lastError = new Error(`alliance-hub exited with ${String(state.code)} before it was ready:\n${tail}`);
    if (!/address already in use|AddrInUse/i.test(tail)) break;
  }
  await rm(dataDir, { recursive: true, force: true });
  throw lastError;
}
