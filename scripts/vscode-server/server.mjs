// Starts the VS Code server (server-main.js from the code-server package) under Node 24 and stops it.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(3000, () => {
      request.destroy();
      resolve(0);
    });
  });
}

/**
 * Starts the server. Returns { url, port, process, output(), exited, stop() }.
 * options: paths (from serverPaths), port, userDataDir, serverDataDir, extensionsDir, logsDir, env,
 * extraArgs, logFile (all output is appended there), deadline (ms since epoch).
 */
export async function startServer(options) {
  const { paths, port, env, logFile, deadline } = options;
  const args = [
    paths.serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-experiments',
    '--disable-update-check',
    '--user-data-dir', options.userDataDir,
    '--server-data-dir', options.serverDataDir,
    '--extensions-dir', options.extensionsDir,
    '--logsPath', options.logsDir,
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(paths.nodeBin, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() also ends the extension host and other children
  });
  const lines = [];
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  let pending = '';
  const onData = (chunk) => {
    log.write(chunk);
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (lines.length > 5000) lines.shift();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exitInfo;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.on('error', (error) => {
      exitInfo = { code: null, signal: null, error };
      resolve(exitInfo);
    });
  });

  const stop = async () => {
    if (exitInfo) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
    log.end();
  };
  /** Synchronous variant for process 'exit' handlers. */
  const kill = () => {
    if (exitInfo) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const server = { url, port, process: child, output: () => [...lines, ...(pending ? [pending] : [])], exited, stop, kill };
  for (;;) {
    if (exitInfo) {
      throw Object.assign(new Error(`The VS Code server exited during start-up (${exitInfo.error?.message ?? `exit ${exitInfo.code ?? exitInfo.signal}`}).`), { server });
    }
    const status = await httpStatus(`${url}/`);
    if (status > 0 && status < 500) return server;
    if (Date.now() > deadline) {
      throw Object.assign(new Error(`The VS Code server did not answer HTTP on ${url} in time.`), { server });
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
