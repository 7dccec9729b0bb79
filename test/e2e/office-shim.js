/* global window, Office, OfficeExtension, CustomFunctions */
/*
 * What an Office host provides around Microsoft's Office.js client, for the end-to-end pane: this
 * runs after the real client library (see office-page.ts) and only fills in the host's side.
 * - The client sends each context.sync() to this page's server (/__excel/), where the strict host
 *   answers it; nothing else about the client is changed.
 * - Office.onReady resolves with host Excel; Office.context carries the document settings (saved to
 *   the host over HTTP, so a test sees what was saved and can make a save fail) and the requirement
 *   sets the test configured.
 * - CustomFunctions.associate records the functions; window.__host.call runs one as Excel would,
 *   with blank cells replaced by the convention's blank (0 on desktop, null on the web).
 */
(() => {
  "use strict";
  const config = window.__hostConfig;
  OfficeExtension.ClientRequestContext.defaultRequestUrlAndHeaders = { url: `${window.location.origin}/__excel/`, headers: {} };

  const newer = (have, want) => {
    const a = String(have).split(".").map(Number);
    const b = String(want ?? "1.1").split(".").map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const x = a[i] ?? 0;
      const y = b[i] ?? 0;
      if (x !== y) return x > y;
    }
    return true;
  };
  const settings = new Map(Object.entries(config.settings));
  const context = {
    host: "Excel",
    platform: "OfficeOnline",
    requirements: {
      isSetSupported: (name, version) => config.sets[name] !== undefined && newer(config.sets[name], version),
    },
    document: {
      settings: {
        get: (k) => (settings.has(k) ? settings.get(k) : null),
        set: (k, v) => void settings.set(k, v),
        remove: (k) => void settings.delete(k),
        saveAsync: (optionsOrCallback, maybeCallback) => {
          const cb = typeof optionsOrCallback === "function" ? optionsOrCallback : maybeCallback;
          fetch(`${window.location.origin}/__excel/settings`, { method: "POST", body: JSON.stringify(Object.fromEntries(settings)) }).then(
            (r) => cb?.(r.ok ? { status: "succeeded" } : { status: "failed", error: { code: 5001, name: "Internal Error", message: "An internal error has occurred." } }),
            () => cb?.({ status: "failed", error: { code: 5001, name: "Internal Error", message: "An internal error has occurred." } }),
          );
        },
      },
    },
  };
  // Office.context is a getter over the host's app factory, which an Office host sets up.
  const osf = window.OSF;
  osf._OfficeAppFactory = Object.assign(osf._OfficeAppFactory || {}, { getContext: () => context });
  const info = { host: "Excel", platform: "OfficeOnline" };
  Office.onReady = (cb) => Promise.resolve(info).then((i) => (cb ? (cb(i), i) : i));

  const registry = new Map();
  window.CustomFunctions = window.CustomFunctions || {};
  CustomFunctions.associate = (idOrMap, fn) => {
    if (typeof idOrMap === "string") registry.set(idOrMap.toUpperCase(), fn);
    else for (const [k, v] of Object.entries(idOrMap)) registry.set(k.toUpperCase(), v);
  };
  CustomFunctions.Error = window.__MicrosoftCustomFunctions.Error;
  CustomFunctions.ErrorCode = window.__MicrosoftCustomFunctions.ErrorCode;

  const fill = (v, blank) => (v === "__BLANK__" ? blank : Array.isArray(v) ? v.map((x) => fill(x, blank)) : v);
  const shown = (v) => {
    if (v instanceof CustomFunctions.Error) return { error: v.code, message: v.message };
    if (Array.isArray(v)) return v.map(shown);
    return v;
  };
  window.__host = {
    functions: () => [...registry.keys()].sort(),
    call: (id, args, blank) => {
      const fn = registry.get(id.toUpperCase());
      if (!fn) throw new Error(`no custom function ${id}`);
      try {
        return shown(fn(...fill(args, blank)));
      } catch (e) {
        return shown(e);
      }
    },
  };
})();
