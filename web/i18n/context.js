// A message's context, where one English text has two meanings ("Step": the step mode's label, or
// the step activation): the catalogue's key is context + U+0004 + text, as in gettext.
const CONTEXT_SEPARATOR = '\u0004';

/** The catalogue key of `text` in `context`. */
export const inContext = (context, text) => `${context}${CONTEXT_SEPARATOR}${text}`;
