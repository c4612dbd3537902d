/**
 * A glossary title as a one-line row shows it: the Terms and In This File trees and the labels of Glossary: Search.
 * VS Code lays those rows out left to right (no `dir`, `direction: ltr`) and cuts a row too narrow for its text at
 * its right edge. Right-to-left text keeps its reading order only inside the isolates of `directionalTextFor`, where
 * its first word is drawn at the right: with the whole title in one isolate, `(decoder attention mask)` was drawn at
 * the left and a narrow row cut the Arabic title's first words. So an English gloss in trailing parentheses stays
 * outside the isolate, after it: the title is drawn first, and a narrow row cuts the gloss. Pure, so that the trees
 * and search share it and the unit tests read it.
 */
import { directionalTextFor, textDirection, trailingParenthetical, type Locale } from '../glossary';

/** Letters of the right-to-left scripts: a gloss with any of them is part of the title's right-to-left text. */
const RIGHT_TO_LEFT_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** The row label of `title`, written in `locale`; left-to-right titles are returned as they are. */
export function rowLabel(title: string, locale: Locale): string {
  if (textDirection(locale) === 'ltr') return title;
  const gloss = trailingParenthetical(title);
  if (!gloss || gloss.base === '' || gloss.inner === '' || RIGHT_TO_LEFT_LETTER.test(gloss.inner)) {
    return directionalTextFor(title, locale);
  }
  return `${directionalTextFor(gloss.base, locale)} (${gloss.inner})`;
}
