/**
 * The terminology check: one pass over a document's prose lines (regions.ts), the locale's termbase matcher on each
 * line (termbase.ts), and the anchor rule on the line's link destinations and `[[…]]` markers. Pure and synchronous;
 * the termbase of each locale is built once per checker, so a face keeps one checker per term map.
 */
import type { Locale, TermMap } from '../glossary';
import { pluralOf, singularOf } from '../glossary';
import { foldKey } from '../matching';
import type { CheckOptions, Finding, FindingCode, FindingSeverity, NoFixReason, TextFix } from './types';
import { DEFAULT_SEVERITIES } from './types';
import type { FormGroup, LocaleTermbase } from './termbase';
import { buildLocaleTermbase, formKey } from './termbase';
import type { ProseLine, Span } from './regions';
import { forEachProseLine } from './regions';
import { agreeingFix, resolveReplacement } from './fixes';

export interface TerminologyChecker {
  /** Every finding of `text` (or of the lines of `options.range`), in document order, non-overlapping. */
  check(text: string, options: CheckOptions): Finding[];
  /** The termbase of a locale (built on first use and kept). */
  termbase(locale: Locale): LocaleTermbase;
}

/** A checker for one term map; build it once per term map (a snapshot) and call `check` per document version. */
export function createTerminologyChecker(termMap: TermMap): TerminologyChecker {
  const termbases = new Map<Locale, LocaleTermbase>();
  const termbase = (locale: Locale): LocaleTermbase => {
    let found = termbases.get(locale);
    if (!found) {
      found = buildLocaleTermbase(termMap, locale);
      termbases.set(locale, found);
    }
    return found;
  };
  return { check: (text, options) => checkWith(termbase(options.locale), text, options), termbase };
}

const checkers = new WeakMap<TermMap, TerminologyChecker>();

/** The findings of `text` against `termMap`, with a checker cached per term map object. */
export function checkDocument(text: string, options: CheckOptions & { readonly termMap: TermMap }): Finding[] {
  let checker = checkers.get(options.termMap);
  if (!checker) {
    checker = createTerminologyChecker(options.termMap);
    checkers.set(options.termMap, checker);
  }
  return checker.check(text, options);
}

/** `[text](../glossary#anchor)`, `glossary.md#anchor`, `https://huggingface.co/docs/transformers/en/glossary#anchor`. */
const GLOSSARY_LINK =
  /^(?:(?:\.{1,2}\/)*|(?:https?:\/\/huggingface\.co)?\/docs\/transformers\/(?:[^/\s]+\/)*)glossary(?:\.md|\.mdx|\.html)?#([^\s#]*)$/;

function checkWith(termbase: LocaleTermbase, text: string, options: CheckOptions): Finding[] {
  const severities = { ...DEFAULT_SEVERITIES, ...options.severities };
  const ignored = new Set((options.ignoredTerms ?? []).map((form) => formKey(form)).filter((key) => key !== ''));
  const ignoredIds = new Set((options.ignoredTerms ?? []).map((form) => form.trim().toLowerCase()));
  const headingAnchors = options.isGlossary ? glossaryHeadingAnchors(text) : undefined;
  const findings: Finding[] = [];
  const push = (code: FindingCode, finding: Omit<Finding, 'code' | 'severity'>): void => {
    const severity = severities[code];
    if (severity === 'off' || severity === undefined) return;
    if (ignoredIds.size > 0 && (ignoredIds.has(finding.termId.toLowerCase()) || ignored.has(formKey(finding.text)))) {
      return;
    }
    // Every caller passes a literal of its own, so it becomes the finding (the same keys, in the same order, as a
    // copy would have), instead of being copied once more.
    findings.push(Object.assign(finding, { code, severity: severity satisfies FindingSeverity }));
  };
  const visit = (line: ProseLine): void => {
    if (options.range && (line.end < options.range.start || line.start > options.range.end)) return;
    // A glossary page's headings name its entries: the Transformers glossaries keep them in English (`### attention
    // mask`) because the heading is also the anchor every locale links to, so a term there is a name, not a use.
    if (!(options.isGlossary === true && line.heading)) checkTerms(termbase, text, line, options.locale, push);
    checkAnchors(termbase, text, line, headingAnchors, push);
  };
  forEachProseLine(text, visit, options.range);
  return findings.sort((a, b) => a.start - b.start);
}

type Push = (code: FindingCode, finding: Omit<Finding, 'code' | 'severity'>) => void;

/** Whether [start, end) overlaps one of the sorted spans. */
function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) {
    if (span.start >= end) return false;
    if (span.end > start) return true;
  }
  return false;
}

/** The declared form of `group` that `text` is (or is the plural or singular of, as the matcher reads it). */
function declaredForm(group: FormGroup, text: string): string {
  const key = formKey(text);
  const exact = group.forms.get(key);
  if (exact !== undefined) return exact;
  for (const [formKeyText, form] of group.forms) {
    const words = formKeyText.split(' ');
    const last = words[words.length - 1]!;
    for (const variant of [pluralOf(last), singularOf(last)]) {
      if (variant !== undefined && [...words.slice(0, -1), variant].join(' ') === key) return form;
    }
  }
  return group.forms.values().next().value ?? text;
}

/**
 * A form written as a gloss or a mention rather than used: in emphasis (`*pooling*`, the Spanish docs' convention for
 * foreign words) or alone in parentheses (`ajuste fino (fine-tuning)`, `columna vertebral (backbone)`).
 */
function isGloss(text: string, start: number, end: number, locale: Locale): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  const emphasis = (c: number): boolean => c === 0x2a || c === 0x5f;
  if ((emphasis(before) && emphasis(after)) || (before === 0x28 && (after === 0x29 || after === 0x2c))) return true;
  const marker = GLOSS_MARKERS[locale.split('-')[0]!];
  return marker !== undefined && marker.test(text.slice(end, end + 16));
}

/**
 * The words by which a language's docs say "this is the English name" right after a form (`backbone en inglés`,
 * `(o feature extractor en inglés)` in the Spanish docs): the form is quoted as a gloss, not used.
 */
const GLOSS_MARKERS: Readonly<Partial<Record<string, RegExp>>> = { es: /^,?[ \u00a0]en inglés(?!\p{L})/iu };

/** What a flagged text resolves to: the declared form it stands for, the form to suggest, the fix's text or why none. */
interface Resolution {
  readonly form: string;
  readonly suggestion: string | undefined;
  readonly replacement: string | undefined;
  readonly why: NoFixReason | undefined;
  /** Whether the suggestion is the flagged text itself, as forms compare (then there is nothing to report). */
  readonly suggestsItself: boolean;
  /** For an avoided form: the reason its entry gives. */
  readonly reason: string | undefined;
}

/**
 * The resolution of each flagged text, remembered per termbase: a page repeats the same few flagged texts, and
 * working them out costs more than matching them.
 */
const resolutions = new WeakMap<LocaleTermbase, Map<string, Resolution>>();

function resolved(termbase: LocaleTermbase, groupId: string, group: FormGroup, text: string): Resolution {
  let memo = resolutions.get(termbase);
  if (!memo) {
    memo = new Map();
    resolutions.set(termbase, memo);
  }
  const key = `${groupId}\u0000${text}`;
  let found = memo.get(key);
  if (!found) {
    const form = declaredForm(group, text);
    const language = group.languages.get(formKey(form)) ?? termbase.locale;
    const result = resolveReplacement(
      text,
      language,
      termbase.preferredForms(group.termId),
      termbase.locale,
      (preferred) => termbase.languageOf(group.termId, preferred),
    );
    const suggestion = result?.suggestion;
    found = {
      form,
      suggestion,
      replacement: result?.fix,
      why: result?.why,
      suggestsItself: suggestion !== undefined && formKey(suggestion) === formKey(text),
      reason: group.kind === 'avoid' ? group.reasons.get(formKey(form)) : undefined,
    };
    if (
      found.replacement !== undefined &&
      group.kind === 'english' &&
      !termbase.isEnglishTitleForm(group.termId, form)
    ) {
      found = { ...found, replacement: undefined, why: { kind: 'other-english-name', form } };
    }
    // A page cannot make the memo grow without bound: past this many distinct texts it starts over.
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, found);
  }
  return found;
}

function checkTerms(termbase: LocaleTermbase, text: string, line: ProseLine, locale: Locale, push: Push): void {
  const lineText = text.slice(line.start, line.end);
  for (const match of termbase.matcher.findAll(lineText, 'prose')) {
    if (match.via === 'link' || match.via === 'identifier') continue;
    const group = termbase.groups.get(match.termId);
    if (group === undefined || group.kind === 'allowed' || group.kind === 'shadow') continue;
    let start = line.start + match.start;
    const end = line.start + match.end;
    if (overlapsAny(line.excluded, start, end)) continue;
    if (isGloss(text, start, end, locale)) continue;
    const {
      suggestion,
      replacement,
      why: noFix,
      suggestsItself,
      reason,
    } = resolved(termbase, match.termId, group, match.text);
    // A form the rules of two languages spell alike (`multimodals`: English plural of a title Spanish shares) has no
    // better form to suggest: saying "use what you wrote" would only be noise.
    if (suggestsItself) continue;
    let why = noFix;
    const fixes: TextFix[] = [];
    if (replacement !== undefined && replacement !== match.text) {
      // The article before the range must agree with the replacement (`el pooling` → `la agrupación`); when the fix
      // has to change it, the finding starts at the article, so that a fix replaces exactly its finding's range.
      const agreeing = agreeingFix(text, start, end, replacement, locale, (phrase) => termbase.usedGender(phrase));
      if (agreeing.fix !== undefined && agreeing.fix.start >= line.start) {
        start = agreeing.fix.start;
        fixes.push(agreeing.fix);
      } else {
        why = agreeing.why;
      }
    }
    const flagged = text.slice(start, end);
    // The form the message names: what the fix writes (article included), else the glossary's form and why no fix
    // writes it. The words are the faces' (messages.ts), in their reader's language.
    const named = fixes[0]?.newText ?? suggestion;
    const advice = {
      ...(named !== undefined ? { suggestion: named } : {}),
      ...(fixes.length === 0 && named !== undefined && why !== undefined ? { noFix: why } : {}),
    };
    const found = { start, end, termId: group.termId, text: flagged };
    if (group.kind === 'avoid') {
      push('avoided-term', { ...found, ...(reason !== undefined ? { reason } : {}), ...advice, fixes });
    } else {
      push('english-term', { ...found, ...advice, fixes });
    }
  }
}

function checkAnchors(
  termbase: LocaleTermbase,
  text: string,
  line: ProseLine,
  headingAnchors: ReadonlySet<string> | undefined,
  push: Push,
): void {
  for (const destination of line.destinations) {
    const target = text.slice(destination.start, destination.end);
    const glossary = GLOSSARY_LINK.exec(target);
    if (glossary) {
      const anchor = glossary[1]!;
      if (anchor !== '' && !termbase.anchors.has(anchor.toLowerCase())) {
        const start = destination.end - anchor.length;
        push('unknown-anchor', {
          start,
          end: destination.end,
          termId: anchor,
          text: anchor,
          anchorSource: 'glossary-link',
          fixes: [],
        });
      }
    } else if (headingAnchors !== undefined && target.startsWith('#') && target.length > 1) {
      const anchor = target.slice(1);
      if (!termbase.anchors.has(anchor.toLowerCase()) && !headingAnchors.has(anchor.toLowerCase())) {
        push('unknown-anchor', {
          start: destination.start + 1,
          end: destination.end,
          termId: anchor,
          text: anchor,
          anchorSource: 'page-link',
          fixes: [],
        });
      }
    }
  }
  if (headingAnchors === undefined || !line.heading) return;
  for (const marker of line.markers) {
    const anchor = text.slice(marker.start, marker.end).trim();
    if (anchor !== '' && !termbase.anchors.has(anchor.toLowerCase())) {
      push('unknown-anchor', {
        start: marker.start,
        end: marker.end,
        termId: anchor,
        text: anchor,
        anchorSource: 'heading-marker',
        fixes: [],
      });
    }
  }
}

/**
 * The anchors the headings of a glossary file define: their `[[anchor]]` markers and the slugs doc-builder derives
 * from their text (lowercase, punctuation dropped, spaces to hyphens).
 */
function glossaryHeadingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  for (const heading of text.matchAll(/^ {0,3}#{1,6}[ \t]+(.*)$/gm)) {
    const content = heading[1]!;
    for (const marker of content.matchAll(/\[\[([^\]]+)\]\]/g)) anchors.add(marker[1]!.trim().toLowerCase());
    const title = content.replace(/\[\[[^\]]*\]\]/g, '').trim();
    // Both the slug with its accents (GitHub's) and without them (a writer's guess) are accepted.
    for (const spelling of [title.toLowerCase(), foldKey(title)]) {
      anchors.add(spelling.replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'));
    }
  }
  return anchors;
}
