/**
 * Map headers the engine did not recognise to fields, per sheet. The mapping is saved in the
 * workbook (settings.columnMaps) and sent with the next validation.
 */
import { useState } from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import { LAYOUT } from "../model/layout";
import type { LayoutReport } from "../model/validate/types";

type Maps = Readonly<Record<string, Readonly<Record<string, string>>>>;

export function ColumnMapping({ layout, columnMaps, onSave }: { layout: LayoutReport | undefined; columnMaps: Maps; onSave: (m: Maps) => void }) {
  const [draft, setDraft] = useState<Record<string, Record<string, string>>>(() =>
    Object.fromEntries(Object.entries(columnMaps).map(([k, v]) => [k, { ...v }])),
  );
  if (!layout) return <p>Press Validate on the Check tab first: headers that are not recognised are listed here to map.</p>;
  const todo = layout.sheets.filter((l) => l.missing.length > 0 || l.unrecognised.length > 0 || (columnMaps[l.sheet] !== undefined));
  if (todo.length === 0) return <p>Every header was recognised: nothing to map.</p>;
  return (
    <div>
      {todo.map((l) => {
        const def = LAYOUT.find((d) => d.kind === l.kind);
        const mapped = draft[l.sheet] ?? {};
        const headers = [...new Set([...l.unrecognised, ...Object.keys(mapped)])];
        return (
          <section key={l.sheet} aria-label={`Columns of ${l.sheet}`}>
            <h2 style={{ fontSize: "16px" }}>{l.sheet}</h2>
            {l.missing.length > 0 && (
              <p>
                Required fields with no column:{" "}
                {l.missing.map((m) => def?.fields.find((f) => f.id === m)?.header ?? m).join(", ")}
              </p>
            )}
            {!def ? (
              <p>This sheet was not recognised as one of the documented sheets ({LAYOUT.map((d) => d.name).join(", ")}); rename it to map its columns.</p>
            ) : (
              headers.map((h) => (
                <Field key={h} label={`Header "${h}"`}>
                  <Select
                    value={mapped[h] ?? ""}
                    onChange={(_, d) => {
                      const next = Object.fromEntries(Object.entries(mapped).filter(([k]) => k !== h));
                      if (d.value !== "") next[h] = d.value;
                      setDraft({ ...draft, [l.sheet]: next });
                    }}
                  >
                    <option value="">Not used</option>
                    {def.fields.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.header}
                        {f.required ? " (required)" : ""}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))
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
