/**
 * What-if options: the policy variants (VARIANT_INFO), the model's figures (FIGURES, each checked by
 * checkOverride) and the VLO weights (checked by checkVloTable), in sections that open on demand.
 * Percentages are shown and typed as percentages. Apply, the two resets and the outcome of the last
 * Apply sit in a footer that stays in view; Apply hands the settings to the pane, which saves them in
 * the workbook, shares them with the custom functions and recalculates.
 * The form's rules are whatif/form.ts; the units of each box whatif/units.ts.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { flushSync } from "react-dom";
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, mergeClasses, Switch, useId } from "@fluentui/react-components";
import { VARIANT_INFO, type FigureKey, type Variants } from "../model/config";
import type { VloActivity } from "../model/vlo";
import type { AddinSettings } from "../runtime/settings";
import type { Notice } from "./Notices";
import { ApplyFooter } from "./whatif/ApplyFooter";
import { FigureField, SourceHint } from "./whatif/FigureField";
import { checkForm, formFrom, modelForm, tableInForce, type Checked, type WhatIfForm } from "./whatif/form";
import { FIGURE_SECTIONS, VARIANTS_SECTION, VLO_SECTION } from "./whatif/sections";
import { useWhatIfStyles } from "./whatif/styles";
import { VloWeights } from "./whatif/VloWeights";

const VARIANT_KEYS = Object.keys(VARIANT_INFO) as (keyof Variants)[];

interface Tally {
  readonly changed: number;
  readonly errors: number;
}

/** Per section: how many of its boxes differ from the model, and how many are in error. */
function tallies(c: Checked): Record<string, Tally> {
  const out: Record<string, Tally> = {};
  out[VARIANTS_SECTION.id] = { changed: VARIANT_KEYS.filter((k) => c.variants[k].changed).length, errors: 0 };
  for (const sec of FIGURE_SECTIONS)
    out[sec.id] = { changed: sec.keys.filter((k) => c.figures[k].changed).length, errors: sec.keys.filter((k) => c.figures[k].error !== undefined).length };
  const weights = [...c.caseTypes, ...Object.values(c.activities)];
  out[VLO_SECTION.id] = { changed: weights.filter((w) => w.changed).length, errors: weights.filter((w) => w.error !== undefined).length + c.tableProblems.length };
  return out;
}

/** The sections to open: those holding a change from the model or an error. */
function sectionsToOpen(c: Checked): string[] {
  return Object.entries(tallies(c))
    .filter(([, t]) => t.changed > 0 || t.errors > 0)
    .map(([id]) => id);
}

function SectionHeader({ title, tally }: { title: string; tally: Tally | undefined }) {
  const s = useWhatIfStyles();
  return (
    <span className={s.headerText}>
      <span className={s.title}>{title}</span>
      {tally && tally.changed > 0 && (
        <Badge appearance="tint" color="brand" shape="rounded">
          {tally.changed} changed
        </Badge>
      )}
      {tally && tally.errors > 0 && (
        <Badge appearance="tint" color="danger" shape="rounded">
          {tally.errors === 1 ? "1 error" : `${tally.errors} errors`}
        </Badge>
      )}
    </span>
  );
}

/** One collapsible section: a heading with its tally, and its fields. No collapse motion: a closed panel is gone at once (Fluent's motion keeps it, inert, while it closes). */
function Section({ id, title, tally, children }: { id: string; title: string; tally: Tally | undefined; children: ReactNode }) {
  const s = useWhatIfStyles();
  return (
    <AccordionItem value={id}>
      <AccordionHeader as="h2" size="medium">
        <SectionHeader title={title} tally={tally} />
      </AccordionHeader>
      <AccordionPanel collapseMotion={null}>
        <div className={s.panel}>{children}</div>
      </AccordionPanel>
    </AccordionItem>
  );
}

/**
 * Keep what has focus clear of the sticky footer: the page scrolls a focused box into view above it
 * (CSS scroll-padding), however tall the footer grows with its notices.
 */
function useScrollPaddingFor(footer: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const el = footer.current;
    const root = document.documentElement;
    if (!el || typeof ResizeObserver === "undefined") return;
    const set = () => (root.style.scrollPaddingBottom = `${el.offsetHeight + 8}px`);
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => {
      ro.disconnect();
      root.style.scrollPaddingBottom = "";
    };
  }, [footer]);
}

export function WhatIf({ settings, notices, onApply }: { settings: AddinSettings; notices: readonly Notice[]; onApply: (s: AddinSettings) => void }) {
  const s = useWhatIfStyles();
  const ids = useId("whatif");
  const [form, setForm] = useState<WhatIfForm>(() => formFrom(settings));
  const checked = checkForm(form, settings);
  const [open, setOpen] = useState<string[]>(() => sectionsToOpen(checkForm(formFrom(settings), settings)));
  // The outcome of the last Apply shows until the next edit: it is about what was applied, not what is typed.
  const [editedSince, setEditedSince] = useState<readonly Notice[] | undefined>();
  const root = useRef<HTMLDivElement>(null);
  const footer = useRef<HTMLDivElement>(null);
  useScrollPaddingFor(footer);

  const edit = (change: (f: WhatIfForm) => WhatIfForm) => {
    setForm(change);
    setEditedSince(notices);
  };
  const setFigure = (k: FigureKey, text: string) => edit((f) => ({ ...f, figures: { ...f.figures, [k]: text } }));
  // Tidying a box's text is no edit: the figure is the same.
  const tidyFigure = (k: FigureKey, text: string) => setForm((f) => (f.figures[k] === text ? f : { ...f, figures: { ...f.figures, [k]: text } }));
  const setCaseType = (i: number, text: string) => edit((f) => ({ ...f, vlo: { ...f.vlo, caseTypes: f.vlo.caseTypes.map((c, j) => (j === i ? { ...c, text } : c)) } }));
  const setActivity = (a: VloActivity, text: string) => edit((f) => ({ ...f, vlo: { ...f.vlo, activities: { ...f.vlo.activities, [a]: text } } }));

  const showErrors = () => {
    flushSync(() => setOpen((o) => [...new Set([...o, ...Object.entries(tallies(checked)).filter(([, t]) => t.errors > 0).map(([id]) => id)])]));
    root.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  const t = tallies(checked);
  return (
    <div ref={root} className={s.root}>
      <p className={s.intro}>
        Try other figures and policy variants. Nothing changes until you apply: then they are saved in this workbook and the custom functions recalculate. Type
        percentages as percentages (60 for 60%).
      </p>
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as string[])}>
        <Section id={VARIANTS_SECTION.id} title={VARIANTS_SECTION.title} tally={t[VARIANTS_SECTION.id]}>
              {VARIANT_KEYS.map((k) => (
                <div key={k} className={mergeClasses(s.field, checked.variants[k].changed && s.changed)}>
                  <Switch
                    checked={form.variants[k]}
                    onChange={(_, d) => edit((f) => ({ ...f, variants: { ...f.variants, [k]: d.checked } }))}
                    label={VARIANT_INFO[k].label}
                    aria-describedby={`${ids}-${k}`}
                  />
                  <div id={`${ids}-${k}`} className={s.switchNote}>
                    <SourceHint source={VARIANT_INFO[k].source} model={checked.variants[k].changed ? "off" : undefined} />
                  </div>
                </div>
              ))}
        </Section>

        {FIGURE_SECTIONS.map((sec) => (
          <Section key={sec.id} id={sec.id} title={sec.title} tally={t[sec.id]}>
            {sec.keys.map((k) => (
              <FigureField key={k} k={k} text={form.figures[k]} check={checked.figures[k]} onChange={setFigure} onTidy={tidyFigure} />
            ))}
          </Section>
        ))}

        <Section id={VLO_SECTION.id} title={VLO_SECTION.title} tally={t[VLO_SECTION.id]}>
          <VloWeights form={form.vlo} checked={checked} source={tableInForce(settings).source} onCaseType={setCaseType} onActivity={setActivity} />
        </Section>
      </Accordion>

      <ApplyFooter
        ref={footer}
        checked={checked}
        notices={notices === editedSince ? [] : notices}
        onApply={() => checked.next && onApply(checked.next)}
        onUndo={() => edit(() => formFrom(settings))}
        onModel={() => edit(() => modelForm())}
        onShowErrors={showErrors}
      />
    </div>
  );
}
