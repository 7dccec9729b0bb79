// Preloaded with `node --require` by tests of tools that call Microsoft's web services: the process
// behaves as on a machine with no network. Every DNS lookup fails with ENOTFOUND, as it does offline,
// so nothing is sent anywhere; the message carries a marker the test looks for.
const dns = require("node:dns");

function offline(hostname, options, callback) {
  const cb = typeof options === "function" ? options : callback;
  const e = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname} (no network in this test)`), { code: "ENOTFOUND", syscall: "getaddrinfo", hostname });
  process.nextTick(cb, e);
}
dns.lookup = offline;
dns.promises.lookup = async (hostname) => new Promise((_, reject) => offline(hostname, reject));
