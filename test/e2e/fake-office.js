/* global window */
/*
 * A scripted stand-in for the Excel host, served in place of Office.js from Microsoft's CDN in the
 * end-to-end test. It keeps a sample workbook in memory and implements the slice of the Excel
 * JavaScript API the task pane uses, with Office.js's queue-then-sync shape: property loads are
 * filled and writes applied only at context.sync(). Requests are recorded on window.__excelLog;
 * window.__excelBook lets the test look at the workbook.
 */
(() => {
  "use strict";
  const log = [];
  window.__excelLog = log;

  // ---- the workbook ---------------------------------------------------------------------------
  const colIndex = (letters) => [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
  const colLetters = (i) => {
    let n = i + 1;
    let s = "";
    while (n > 0) {
      const r = (n - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const hostError = (code, message) => Object.assign(new Error(message), { code, name: "RichApi.Error" });
  const parse = (address) => {
    const [p, q] = address.replace(/\$/g, "").split(":");
    const one = (x) => {
      const m = /^([A-Z]+)(\d+)$/.exec(x);
      if (!m) throw hostError("InvalidArgument", `Bad address ${address}`);
      return { r: Number(m[2]), c: colIndex(m[1]) };
    };
    const a = one(p);
    const b = q ? one(q) : a;
    return { r1: a.r, c1: a.c, r2: b.r, c2: b.c };
  };
  const first = (address) => {
    const p = parse(address);
    return colLetters(p.c1) + p.r1;
  };

  class Sheet {
    constructor(name, rows = [], formats = {}) {
      this.name = name;
      this.cells = new Map();
      this.formats = new Map(Object.entries(formats));
      this.fills = new Map();
      this.links = new Map();
      rows.forEach((row, r) => row.forEach((v, c) => v !== "" && v !== null && this.cells.set(`${r + 1},${c}`, v)));
    }
    used() {
      let r1 = Infinity, c1 = Infinity, r2 = -1, c2 = -1;
      for (const k of this.cells.keys()) {
        const [r, c] = k.split(",").map(Number);
        r1 = Math.min(r1, r); c1 = Math.min(c1, c); r2 = Math.max(r2, r); c2 = Math.max(c2, c);
      }
      return r2 < 0 ? null : { r1, c1, r2, c2 };
    }
    values() {
      const u = this.used();
      if (!u) return [];
      const out = [];
      for (let r = 1; r <= u.r2; r++) {
        const row = [];
        for (let c = 0; c <= u.c2; c++) row.push(this.cells.get(`${r},${c}`) ?? "");
        out.push(row);
      }
      return out;
    }
  }

  const caseload = [
    ["Case ID", "OM", "OM grade", "Team", "RoSH", "RSR", "OGRS", "Tier"],
    ["X001", "Ann Lee", "PO", "North", "High", 0.069, 0.31, "A"],
    ["X002", "Bob Ray", "PSO", "North", "High", 0.051, 0.22, "B2"],
    ["X003", "Bob Ray", "PSO", "North", "Low", 0.012, 0.15, "D1"],
    ["X004", "Cat Fox", "PSO", "South", "Medium", 0.021, 0.4, "C2"],
    ["X005", "Ann Lee", "PO", "South", "Very High", 0.081, 0.52, "A"],
  ];
  const staff = [
    ["Name", "Role", "FTE", "Team", "Line manager"],
    ["Ann Lee", "PO", 1, "North", "Sue Kim"],
    ["Bob Ray", "PSO", 1, "North", "Sue Kim"],
    ["Cat Fox", "PSO", 0.8, "South", "Sue Kim"],
    ["Sue Kim", "SPO", 1, "North", ""],
    ["Dee Roe", "CA", 0.5, "North", "Sue Kim"],
  ];
  const teams = [["Team", "Type"], ["North", "OM"], ["South", "OM"]];
  const reports = [
    ["Report ID", "Date", "Report type", "Author grade"],
    ["R1", 45200, "Oral", "PSO"], ["R2", 45201, "Oral", "PO"], ["R3", 45202, "FDR", "PSO"],
    ["R4", 45203, "Verbal", "PSO"], ["R5", 45204, "SDR", "PO"], ["R6", 45205, "FDR", "PSO"],
  ];
  const book = [
    new Sheet("Caseload", caseload, { "2,5": "0.00%", "2,6": "0.00%" }),
    new Sheet("Staff", staff),
    new Sheet("Teams", teams),
    new Sheet("Court reports", reports),
  ];
  const find = (name) => book.find((s) => s.name.toLowerCase() === String(name).toLowerCase()) ?? null;
  window.__excelBook = {
    sheetNames: () => book.map((s) => s.name),
    values: (name) => find(name)?.values() ?? null,
    links: (name) => (find(name) ? [...find(name).links.entries()] : null),
    fills: (name) => (find(name) ? [...find(name).fills.entries()] : null),
  };

  // ---- the request context ----------------------------------------------------------------------
  class RequestContext {
    constructor() {
      this.queue = [];
      this.loads = [];
      this.workbook = {
        worksheets: new WorksheetCollection(this),
        application: { calculate: (type) => this.queue.push(() => log.push({ op: "calculate", type })) },
      };
    }
    async sync() {
      const q = this.queue;
      const loads = this.loads;
      this.queue = [];
      this.loads = [];
      for (const f of q) f();
      for (const f of loads) f();
    }
  }

  class WorksheetCollection {
    constructor(ctx) {
      this.ctx = ctx;
      this.items = undefined;
    }
    load() {
      this.ctx.loads.push(() => {
        this.items = book.map((s) => Object.assign(new Worksheet(this.ctx, () => find(s.name)), { name: s.name }));
      });
    }
    getItem(name) {
      return new Worksheet(this.ctx, () => {
        const s = find(name);
        if (!s) throw hostError("ItemNotFound", "The requested resource doesn't exist.");
        return s;
      });
    }
    getItemOrNullObject(name) {
      return new Worksheet(this.ctx, () => find(name));
    }
    add(name) {
      const sheet = new Sheet(name);
      this.ctx.queue.push(() => {
        if (find(name)) throw hostError("InvalidOperation", `A sheet named ${name} already exists.`);
        book.push(sheet);
        log.push({ op: "add", sheet: name });
      });
      return new Worksheet(this.ctx, () => sheet);
    }
  }

  class Worksheet {
    constructor(ctx, resolve) {
      this.ctx = ctx;
      this.resolve = resolve;
      this.freezePanes = { freezeRows: (n) => ctx.queue.push(() => log.push({ op: "freezeRows", sheet: resolve().name, rows: n })) };
    }
    load() {
      this.ctx.loads.push(() => {
        const s = this.resolve();
        this.isNullObject = !s;
        this.name = s ? s.name : null;
      });
    }
    activate() {
      this.ctx.queue.push(() => log.push({ op: "activate", sheet: this.resolve().name }));
    }
    delete() {
      this.ctx.queue.push(() => {
        const s = this.resolve();
        if (!s) throw hostError("ItemNotFound", "The requested resource doesn't exist.");
        book.splice(book.indexOf(s), 1);
        log.push({ op: "delete", sheet: s.name });
      });
    }
    getRange(address) {
      return new Range(this.ctx, this.resolve, address);
    }
    getUsedRangeOrNullObject() {
      return new Range(this.ctx, this.resolve, null);
    }
  }

  class Fill {
    constructor(range) {
      this.range = range;
      this.loaded = undefined;
    }
    get color() {
      return this.loaded;
    }
    set color(v) {
      const { ctx, sheet, address } = this.range;
      ctx.queue.push(() => {
        const s = sheet();
        s.fills.set(first(address), v);
        log.push({ op: "fill", sheet: s.name, cell: address, color: v });
      });
    }
    load() {
      const { ctx, sheet, address } = this.range;
      ctx.loads.push(() => {
        const s = sheet();
        this.loaded = s ? (s.fills.get(first(address)) ?? "#FFFFFF") : null;
      });
    }
    clear() {
      const { ctx, sheet, address } = this.range;
      ctx.queue.push(() => {
        const s = sheet();
        s.fills.delete(first(address));
        log.push({ op: "clearFill", sheet: s.name, cell: address });
      });
    }
  }

  class Range {
    constructor(ctx, sheet, address) {
      this.ctx = ctx;
      this.sheet = sheet;
      this.address = address;
      this.loadedValues = undefined;
      this.format = { fill: new Fill(this), font: {} };
    }
    get values() {
      return this.loadedValues;
    }
    set values(rows) {
      const address = this.address;
      this.ctx.queue.push(() => {
        const s = this.sheet();
        const p = parse(address);
        rows.forEach((row, i) =>
          row.forEach((v, j) => {
            const k = `${p.r1 + i},${p.c1 + j}`;
            if (v === "" || v === null) s.cells.delete(k);
            else s.cells.set(k, v);
          }),
        );
        log.push({ op: "write", sheet: s.name, address, rows: rows.length });
      });
    }
    set hyperlink(h) {
      const address = this.address;
      this.ctx.queue.push(() => this.sheet().links.set(address, h));
    }
    load(props) {
      const want = String(props).split(",").map((p) => p.trim());
      const address = this.address;
      this.ctx.loads.push(() => {
        const s = this.sheet();
        if (!s) throw hostError("ItemNotFound", "The requested resource doesn't exist.");
        let p;
        if (address === null) {
          p = s.used();
          this.isNullObject = !p;
          if (!p) return;
          const name = /^[A-Za-z0-9_]+$/.test(s.name) ? s.name : `'${s.name}'`;
          this.address = `${name}!${colLetters(p.c1)}${p.r1}:${colLetters(p.c2)}${p.r2}`;
        } else {
          p = parse(address);
        }
        this.rowCount = p.r2 - p.r1 + 1;
        this.columnCount = p.c2 - p.c1 + 1;
        if (want.includes("values") || want.includes("numberFormat")) {
          const vals = [];
          const fmts = [];
          for (let r = p.r1; r <= p.r2; r++) {
            const vr = [];
            const fr = [];
            for (let c = p.c1; c <= p.c2; c++) {
              vr.push(s.cells.get(`${r},${c}`) ?? "");
              fr.push(s.formats.get(`${r},${c}`) ?? "General");
            }
            vals.push(vr);
            fmts.push(fr);
          }
          this.loadedValues = vals;
          this.numberFormat = fmts;
        }
      });
    }
    select() {
      const address = this.address;
      this.ctx.queue.push(() => {
        const s = this.sheet();
        if (!s) throw hostError("ItemNotFound", "The requested resource doesn't exist.");
        log.push({ op: "select", sheet: s.name, address });
      });
    }
  }

  // ---- globals ------------------------------------------------------------------------------------
  const docSettings = new Map();
  window.Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: {
        settings: {
          get: (k) => (docSettings.has(k) ? docSettings.get(k) : null),
          set: (k, v) => docSettings.set(k, v),
          remove: (k) => docSettings.delete(k),
          saveAsync: (cb) => {
            log.push({ op: "saveSettings" });
            if (cb) cb({ status: "succeeded" });
          },
        },
      },
    },
    onReady: async (cb) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      if (cb) cb(info);
      return info;
    },
  };
  window.Excel = {
    CalculationType: { full: "Full", recalculate: "Recalculate" },
    run: async (batch) => batch(new RequestContext()),
  };
  window.CustomFunctions = { associate: () => undefined, Error, ErrorCode: {} };
})();
