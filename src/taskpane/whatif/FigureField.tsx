/**
 * One of the model's figures: its label, its box (a percentage with "%" after it, a choice as a
 * list), the error in the box's own words, and below it the source in small muted text, with the
 * model's own figure when the box differs from it ("model: 60%").
 */
import { Field, Input, mergeClasses, Select } from "@fluentui/react-components";
import { FIGURES, ROUNDINGS, type FigureKey } from "../../model/config";
import type { FieldCheck } from "./form";
import { useWhatIfStyles } from "./styles";
import { figureDisplay, figureText, suffixOf, unitOf } from "./units";

/** The source, and the model's own value when the box differs from it. */
export function SourceHint({ source, model }: { source: string; model?: string | undefined }) {
  const s = useWhatIfStyles();
  return (
    <span className={s.muted}>
      {source}
      {source !== "" && model !== undefined && " · "}
      {model !== undefined && <span className={s.model}>model: {model}</span>}
    </span>
  );
}

const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function FigureField({
  k,
  text,
  check,
  onChange,
  onTidy,
}: {
  k: FigureKey;
  text: string;
  check: FieldCheck;
  onChange: (k: FigureKey, text: string) => void;
  /** On leaving the box, show what was read in the box's own form ("40%" → "40", as "%" follows the box). */
  onTidy: (k: FigureKey, text: string) => void;
}) {
  const s = useWhatIfStyles();
  const def = FIGURES[k];
  const suffix = suffixOf(k);
  return (
    <Field
      className={mergeClasses(s.field, check.changed && s.changed)}
      label={def.label}
      hint={<SourceHint source={def.source} model={check.changed ? figureDisplay(k, def.value) : undefined} />}
      validationState={check.error ? "error" : "none"}
      validationMessage={check.error}
    >
      {unitOf(k) === "choice" ? (
        <Select className={s.input} value={text} onChange={(_, d) => onChange(k, d.value)}>
          {ROUNDINGS.map((r) => (
            <option key={r} value={r}>
              {capital(r)}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          className={s.input}
          inputMode="decimal"
          value={text}
          contentAfter={suffix}
          onChange={(_, d) => onChange(k, d.value)}
          onBlur={() => check.value !== undefined && onTidy(k, figureText(k, check.value))}
        />
      )}
    </Field>
  );
}
