#!/usr/bin/env node
// @ts-check
/**
 * `npm run dev-server`: build the add-in in development mode and serve it on https://localhost:3000
 * until stopped (Ctrl+C or `npm stop`). `npm start` runs the same server in-process where there is no
 * Excel desktop; office-addin-debugging runs this script where there is.
 *
 * Certificate: office-addin-dev-certs' localhost certificate where its certificate authority can be
 * installed and trusted (Windows, Mac, or Linux with sudo); otherwise webpack-dev-server's self-signed
 * one, which the user trusts by opening the page once and accepting it. It says which.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const PORT = 3000;
/** Where the running server's process id is kept, for `npm stop` (an ignored folder). */
const PID_FILE = path.join(ROOT, "node_modules", ".cache", "nps-om", "dev-server.json");

/** @param {unknown} e */
const says = (e) => (e instanceof Error ? e.message : String(e)).trim().split("\n")[0];

/** office-addin-dev-certs installs its CA with the OS's own tool; on Linux that takes sudo. */
function canInstallDevCerts() {
  if (process.platform === "win32" || process.platform === "darwin") return true;
  return (process.env.PATH ?? "").split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, "sudo")));
}

/**
 * @param {(line: string) => void} log
 * @returns {Promise<{ type: "https", options?: { key: string | Buffer, cert: string | Buffer, ca?: string | Buffer } }>}
 */
async function httpsOptions(log) {
  if (canInstallDevCerts()) {
    try {
      const options = await require("office-addin-dev-certs").getHttpsServerOptions();
      log("Certificate: office-addin-dev-certs' localhost certificate, trusted on this machine.");
      return { type: "https", options };
    } catch (e) {
      log(`Certificate: office-addin-dev-certs could not install its certificate authority (${says(e)}).`);
    }
  } else {
    log("Certificate: office-addin-dev-certs cannot install its certificate authority here (it needs sudo, which this machine lacks).");
  }
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    log(`Certificate: using the development certificate already in ${dir}; trust its ca.crt if the browser warns.`);
    return { type: "https", options: { key: fs.readFileSync(path.join(dir, files.key)), cert: fs.readFileSync(path.join(dir, files.cert)), ca: fs.readFileSync(path.join(dir, files.ca)) } };
  }
  log(`Certificate: a self-signed one. Trust it by opening https://localhost:${PORT}/taskpane.html once in the browser Excel uses and accepting it.`);
  return { type: "https" };
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the process is still this add-in's server, not another that took its id after a restart:
 * where the system shows a process's command line (Linux), it must be one of these scripts.
 * @param {number} pid
 */
function ours(pid) {
  const cmdline = `/proc/${pid}/cmdline`;
  if (!fs.existsSync("/proc/self/cmdline")) return true;
  try {
    return /scripts[\\/](start|dev-server)\.js/.test(fs.readFileSync(cmdline, "utf8"));
  } catch {
    return false;
  }
}

/** @returns {{ pid: number, port: number } | undefined} the server `npm start` or `npm run dev-server` left running */
function runningServer() {
  try {
    const s = JSON.parse(fs.readFileSync(PID_FILE, "utf8"));
    if (Number.isInteger(s.pid) && alive(s.pid) && ours(s.pid)) return s;
  } catch {
    // no file, or not ours: nothing running
  }
  fs.rmSync(PID_FILE, { force: true });
  return undefined;
}

/**
 * webpack-dev-server on the development build, kept in memory (dist/ is not written), answering with
 * the headers webpack.config.js gives it (scripts/security-headers.js: the Content-Security-Policy,
 * and no "Access-Control-Allow-Origin: *"). `serve` runs it for `npm start`; a test runs it on a free
 * port (0) over http.
 * @param {{ port: number, server: import("webpack-dev-server").ServerConfiguration }} o
 * @returns {Promise<import("webpack-dev-server")>} the running server
 */
async function startServer(o) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });
  const compiler = webpack({ ...config, mode: "development", infrastructureLogging: { level: "warn" }, stats: "errors-warnings" });
  const server = new WebpackDevServer({ ...config.devServer, port: o.port, server: o.server, static: false }, compiler);
  await new Promise((resolve, reject) => {
    compiler.hooks.done.tap("dev-server", (stats) => (stats.hasErrors() ? reject(new Error(stats.toString("errors-only"))) : resolve(undefined)));
    server.start().catch((/** @type {NodeJS.ErrnoException} */ e) =>
      reject(e.code === "EADDRINUSE" ? new Error(`port ${o.port} is in use by another program; close it, or run \`npm stop\` if it is this add-in`) : e),
    );
  });
  return server;
}

/**
 * Builds the add-in (development mode) and serves it until the process is stopped.
 * @param {(line: string) => void} [log]
 */
async function serve(log = (l) => console.log(l)) {
  const before = runningServer();
  if (before) throw new Error(`the add-in is already served on https://localhost:${before.port} (process ${before.pid}); \`npm stop\` stops it`);
  const server = await startServer({ port: PORT, server: await httpsOptions(log) });
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, JSON.stringify({ pid: process.pid, port: PORT }));
  const stop = () => {
    fs.rmSync(PID_FILE, { force: true });
    server.stop().then(() => process.exit(0));
  };
  for (const sig of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(sig, stop);
  return server;
}

/**
 * Stops the server a previous `npm start` or `npm run dev-server` left running, and waits for it to go.
 * @returns {Promise<number | undefined>} its process id, or undefined when none was running
 */
async function stopServer() {
  const s = runningServer();
  if (!s) return undefined;
  process.kill(s.pid, "SIGTERM");
  for (let i = 0; i < 100 && alive(s.pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(s.pid)) process.kill(s.pid, "SIGKILL");
  fs.rmSync(PID_FILE, { force: true });
  return s.pid;
}

if (require.main === module) {
  serve()
    .then(() => console.log(`The add-in is built and served on https://localhost:${PORT} (Ctrl+C or \`npm stop\` stops it).`))
    .catch((e) => {
      console.error(`npm run dev-server failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    });
}

module.exports = { serve, startServer, stopServer, runningServer, ours, PORT };
