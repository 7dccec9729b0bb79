/**
 * The Columns tab: map headers the validator did not recognise to the fields it reads, per sheet. A
 * recognised sheet lists its unread headers and the columns it lacks; a sheet not recognised at all
 * first asks which table it holds, then lists its headers to map to that table's columns (once every
 * required column is mapped, the next validation reads it as that table). The mapping is saved in
 * the workbook (settings.columnMaps) and the workbook is checked again with it. Sheets the workbook
 * lacks altogether are named, with the Template tab to add them.
 */
import { useState } from "react";
import { Button, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { LAYOUT, type SheetDef } from "../model/layout";
import { normaliseHeader } from "../model/validate/recognise";
import type { LayoutReport } from "../model/validate/types";
import { andList } from "./check/words";

type Maps = Readonly<Record<string, Readonly<Record<string, string>>>>;
type Sheet = LayoutReport["sheets"][number];

export const BEFORE = "Validate first; then sheets whose columns were not recognised are listed here.";

const useStyles = makeStyles({
  text: { margin: "8px 0" },
  sheet: { marginTop: "12px", paddingTop: "4px", borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  name: { fontSize: "15px", margin: "4px 0" },
  note: { margin: "4px 0", fontSize: "13px" },
  muted: { margin: "4px 0", fontSize: "12px", color: tokens.colorNeutralForeground3 },
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr)", gap: "6px" },
  // A select is as wide as its longest option unless told otherwise: long field names must not widen the pane.
  narrow: { minWidth: 0 },
  select: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

const fieldName = (def: SheetDef | undefined, id: string) => def?.fields.find((f) => f.id === id)?.header ?? id;

/** The table a saved mapping of a sheet not recognised points at: the first whose fields hold every mapped one. */
function kindOfMap(map: Readonly<Record<string, string>> | undefined): string {
  const fields = Object.values(map ?? {});
  if (fields.length === 0) return "";
  return LAYOUT.find((d) => fields.every((id) => d.fields.some((f) => f.id === id)))?.kind ?? "";
}

function HeaderSelect({ header, def, value, onChange }: { header: string; def: SheetDef; value: string; onChange: (v: string) => void }) {
  const s = useStyles();
  return (
    <Field label={`Column "${header}"`} size="small" className={s.narrow}>
      <Select size="small" value={value} onChange={(_, d) => onChange(d.value)} className={s.narrow} select={{ className: s.select }}>
        <option value="">Not used</option>
        {def.fields.map((f) => (
          <option key={f.id} value={f.id}>
            {f.header}
            {f.required ? " (required)" : ""}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function ColumnMapping({ layout, columnMaps, onSave }: { layout: LayoutReport | undefined; columnMaps: Maps; onSave: (m: Maps) => void }) {
  const s = useStyles();
  const [draft, setDraft] = useState<Record<string, Record<string, string>>>(() => Object.fromEntries(Object.entries(columnMaps).map(([k, v]) => [k, { ...v }])));
  // The table each sheet not recognised holds, as chosen here (or as its saved mapping says).
  const [kinds, setKinds] = useState<Record<string, string>>(() => Object.fromEntries(Object.entries(columnMaps).map(([k, v]) => [k, kindOfMap(v)])));
  if (!layout) return <p className={s.text}>{BEFORE}</p>;

  const present = new Set(layout.sheets.map((l) => l.kind).filter((k) => k !== undefined));
  const absent = LAYOUT.filter((d) => !present.has(d.kind)).map((d) => d.name);
  const todo = layout.sheets.filter((l) => l.kind === undefined || l.missing.length > 0 || l.unrecognised.length > 0 || columnMaps[l.sheet] !== undefined);
  const unknownSheets = todo.some((l) => l.kind === undefined);

  const setHeader = (sheet: string, header: string, field: string) => {
    const next = Object.fromEntries(Object.entries(draft[sheet] ?? {}).filter(([k]) => k !== header));
    if (field !== "") next[header] = field;
    setDraft({ ...draft, [sheet]: next });
  };
  const setKind = (sheet: string, kind: string, headers: readonly string[]) => {
    setKinds({ ...kinds, [sheet]: kind });
    // A mapping to another table's fields would be ignored: keep only what the new table has, and
    // show the headers the table's own names already match as mapped.
    const def = LAYOUT.find((d) => d.kind === kind);
    const kept = Object.fromEntries(Object.entries(draft[sheet] ?? {}).filter(([, f]) => def?.fields.some((x) => x.id === f)));
    for (const h of headers) {
      const field = def?.fields.find((f) => [f.header, ...f.aliases].some((n) => normaliseHeader(n) === normaliseHeader(h)));
      if (field && kept[h] === undefined && !Object.values(kept).includes(field.id)) kept[h] = field.id;
    }
    setDraft({ ...draft, [sheet]: kept });
  };

  const absentNote =
    absent.length === 0 ? undefined : unknownSheets ? (
      <p className={s.note}>
        No sheet was recognised as {andList(absent)}. If a sheet below holds one of them, choose which and map its columns; otherwise add the missing sheets from the Template tab.
      </p>
    ) : (
      <p className={s.note}>
        The workbook has no {andList(absent)} sheet, and every sheet it has was recognised, so there is no other sheet to map. Add the missing sheets from the Template tab to check their rules.
      </p>
    );

  if (todo.length === 0)
    return (
      <div>
        <p className={s.text}>Every sheet and column was recognised: nothing to map.</p>
        {absentNote}
      </div>
    );

  return (
    <div>
      <p className={s.text}>For each column below, choose which of the add-in's columns it is. The choice is saved in this workbook, which is then read and checked again.</p>
      {absentNote}
      {todo.map((l: Sheet) => {
        const def = LAYOUT.find((d) => d.kind === (l.kind ?? kinds[l.sheet]));
        const mapped = draft[l.sheet] ?? {};
        const headers = [...new Set([...l.unrecognised, ...Object.keys(mapped)])];
        return (
          <section key={l.sheet} aria-label={`Columns of ${l.sheet}`} className={s.sheet}>
            <h2 className={s.name}>{l.sheet}</h2>
            {l.kind === undefined && (
              <>
                <p className={s.note}>Not recognised as one of the sheets the add-in reads, so it was not checked.</p>
                <Field label="This sheet holds" size="small" className={s.narrow}>
                  <Select size="small" value={kinds[l.sheet] ?? ""} onChange={(_, d) => setKind(l.sheet, d.value, l.unrecognised)} className={s.narrow} select={{ className: s.select }}>
                    <option value="">None of these: leave it unchecked</option>
                    {LAYOUT.map((d) => (
                      <option key={d.kind} value={d.kind}>
                        {d.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                {def && (
                  <p className={s.muted}>
                    It is read as {def.name} once it has a column for each of: {andList(def.fields.filter((f) => f.required).map((f) => f.header))}. Columns named as the template names them are matched already.
                  </p>
                )}
              </>
            )}
            {l.kind !== undefined && l.missing.length > 0 && (
              <p className={s.note}>Columns it needs but has not got: {andList(l.missing.map((m) => fieldName(def, m)))}. Map a header below, or add the column.</p>
            )}
            {def && (
              <div className={s.fields}>
                {headers.map((h) => (
                  <HeaderSelect key={h} header={h} def={def} value={mapped[h] ?? ""} onChange={(v) => setHeader(l.sheet, h, v)} />
                ))}
              </div>
            )}
          </section>
        );
      })}
      <div style={{ marginTop: "12px" }}>
        <Button appearance="primary" onClick={() => onSave(Object.fromEntries(Object.entries(draft).filter(([, m]) => Object.keys(m).length > 0)))}>
          Save column mapping
        </Button>
      </div>
    </div>
  );
}
