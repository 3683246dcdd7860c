// Messages composed in English by code that knows no language, translated where the page shows
// them: the core's errors (C++ returns English strings), and those of the link (state.js,
// link-load.js, rules.js), of CSV files (csv.js) and of model files (model-file.js), which are
// composed before the link's language is known or by pure modules tests read in English. Each is
// listed here as a template with {placeholders}, a message of the catalogue (web/i18n/fr/
// playground.js); a shown message that matches one is shown in the language in force, its
// placeholders' text translated in turn (a phrase that is itself a message or template, a number
// with the language's decimal separator, a dataset's or a problem's id as the page names it), except
// the link's own words: keys, quoted values, names.
// Not here: text the page composes itself, which goes through t() where it is composed.
import { t, language, decimalSeparator, catalogue, inContext } from './i18n/i18n.js';
import { DATASET_TITLES } from './views/names.js';

/** The English templates, by where they come from. */
export const TEMPLATES = Object.freeze([
  // The core (core/*.cpp) and its wrapper (engine.js)
  'training diverged at epoch {epoch}: the weights became NaN or infinite. Lower the learning rate, then reset.',
  'training has diverged (NaN or infinite weights); reset first',
  'dataset \'custom\' needs points: draw or import them first',
  'dataset \'curve\' needs points: draw them first',
  'trainRatio + validationRatio must be at most 1 (got {x})',
  'features: \'{name}\' needs x2, which 1-D data (x -> y) does not have; use x1',
  'inputs must be between 1 and {max} (got {n})',
  'outputs must be between 1 and {max} (got {n})',
  'hidden layers must be at most {max} (got {n})',
  'hidden layer {l} must have between 1 and {max} neurons (got {n})',
  'softmax is only available as the output activation',
  '\'{name}\' is only available for hidden layers',
  'a softmax output needs at least 2 outputs (got {n})',
  'a softmax output needs at least 2 classes',
  'loss \'mse\' cannot follow a softmax output; use loss \'softmax_ce\'',
  'loss \'bce\' needs a sigmoid output activation, not \'{name}\'',
  'loss \'softmax_ce\' needs a softmax output activation, not \'{name}\'',
  'points must be between 1 and {max} (got {n})',
  'noise must be between 0 and 1 (got {x})',
  'batch size must be between 1 and 100000 (got {n})',
  'split needs at least 1 point (got {n})',
  'classes must be between 2 and {max} for a multi-class problem (got {n})',
  'point {i}: {axis} {x} is outside [-{lo}, {hi}]',
  'point {i}: label {y} is not a class between 0 and {max}',
  'example {n} is not in the training data (it is {split} data)',
  'no update was made on these examples',
  'weight must be a finite number',
  'bias must be a finite number',
  '{name} {x} is out of range ({lo}..{hi})',
  '{name} must be a whole number (got {x})',
  '{name} must be a finite number (got {x})',
  // …the landscape lab's slice (core/landscape.cpp)
  'the weights are not finite numbers (training diverged): reset first',
  'every weight is 0, so filter-normalised random directions are 0 too: train (or initialise differently) first',
  'only one weight is not 0, so the two random directions are parallel and span no plane',
  'principal directions need at least 3 recorded snapshots of the weights (there is {n} snapshot): train a few epochs, recording the weights as you go, first',
  'principal directions need at least 3 recorded snapshots of the weights (there are {n} snapshots): train a few epochs, recording the weights as you go, first',
  'the recorded trajectory has {p} parameters, the network {n}: clear it and record again',
  'the recorded weights barely differ (no spread to find directions in): train a few epochs between records first',
  'the recorded weights lie on a line, so they span no plane: train on and record more, or use random directions',
  'there are no training examples to measure the loss on',
  // The link (state.js): whole messages…
  '\'{value}\' is not valid %-encoding; ignored',
  'unknown settings {names} and {n} more ignored',
  'unknown setting \'{key}\' ignored',
  '{key}: \'{value}\' names no control a link can hide (the Share / embed dialog lists them); ignored',
  'unknown setting \'{key}\'',
  '{key}: \'{value}\' {problem}; using {default}',
  '{key}: the value is {n} characters long (at most {max}); using {default}',
  '{key}: run B\'s settings need compare=1; ignored',
  '{key}: unknown setting; ignored',
  '{key}: run B shares the {label} with run A; ignored',
  '{key}: \'{value}\' {problem}; run B uses run A\'s {default}',
  '{key}: the value is {n} characters long (at most {max}); run B uses run A\'s {default}',
  '{label} \'{value}\' {problem}',
  // …and the phrases that follow a value
  'is not a number',
  'is not a whole number',
  'is out of range {range}',
  'is {x} as a 32-bit float, out of range {range}',
  'is not one of {values}',
  '{problem} (or \'{word}\')',
  'is not true or false',
  'is not 1 or 0',
  'is not a string',
  'is too long (at most {n} characters)',
  'is not a list',
  'is empty (choose at least {n})',
  'has {n} items (at most {max})',
  'has {item}, which {problem}',
  'has \'{item}\' twice',
  'is not an object',
  'has unknown setting \'{key}\'',
  'has {label}, which run B shares with run A',
  'has {label} {value}, which {problem}',
  'is not valid ({reason})',
  'plus training ratio {x} is more than 1',
  // The points a link carries (state.js's decodePoints) and what link-load.js makes of them
  'points link: not a string',
  'points link: version \'{value}\' is not supported (expected \'{expected}\')',
  'points link: unknown problem \'{value}\' (expected b, r or 2..8)',
  'points link: no points',
  'points link: length {n} is not a whole number of points (8 characters each)',
  'points link: too many points ({n}; max {max})',
  'points link: not base64url (A-Z a-z 0-9 - _)',
  'points link: point {i} x{d} {x} is outside [-6, 6]',
  'points link: point {i} target {x} is outside [-1, 1]',
  'points link: point {i} label {n} is not a class 0..{max}',
  '{reason}; using the default dataset',
  'the link names {name} data but carries no points; using the default dataset',
  'the link\'s points are not a curve (x -> y); using the default dataset',
  // A lab's settings in the link (course/lab-state.js; the message is '{label} '{value}' {problem}' above)
  'is not a list of numbers separated by _',
  'is not 0 or 1',
  'is outside {lo}…{hi}',
  'is not one of the slider\'s steps of {x}',
  'is not a setting of this lab',
  // …and a number the core, in float, cannot take (chapters/float-fields.js)
  'is beyond the core\'s float range (±3.4×10³⁸)',
  'has a number beyond the core\'s float range (±3.4×10³⁸)',
  // Settings the page changed to fit the data (rules.js)
  'features {from} → {to} (1-D data has only x1)',
  '{key} {from} → {to} ({why})',
  'softmax needs multi-class data',
  'not an output activation for {problem} data',
  'regression needs mse',
  'bce needs a sigmoid output',
  'softmax_ce needs a softmax output',
  'it does not fit a {name} output',
  // CSV files (csv.js)
  'CSV must be text',
  'the file is too large ({x} MB; a data file may have at most {max} MB)',
  'line {line}: a quoted field is not closed',
  'line {line}: unexpected text after a closing quote',
  'line {line}: a quote inside an unquoted field (quote the whole field)',
  'line {line}: \'{value}\' is not a header (x1,x2,label or x,y,label) nor a row of numbers',
  'line {line}: expected 3 columns (x1,x2,label), got {n}',
  'line {line}: expected 2 columns (x,y), got {n}',
  'a file of x,y columns holds regression targets, not {problem} labels',
  'line {line}: \'{value}\' is not a number',
  'line {line}: x{d} {x} is outside [-{lo}, {hi}]',
  'too many points (max {max})',
  'no data rows',
  'line {line}: label {y} is not a binary class ({classes})',
  '-1 or +1, like the other rows',
  '0 or 1',
  'line {line}: label {y} is not a class (whole number 0..{max})',
  'line {line}: regression target {y} is outside [-1, 1]',
  'line {line}: label {y} is not a class (whole number 0..{max}) nor a regression target in [-1, 1]',
  'line {line}: label {y} is outside [-1, 1] (labels were read as regression targets because line {other} has {z}, which is not a class 0..{max})',
  // Model files (model-file.js)
  'model file must be text',
  'not a model file: not valid JSON ({reason})',
  'not a model file: expected a JSON object',
  'not a Backprop Playground model file (format is {value}, expected \'{expected}\')',
  'model file version {value} is not supported (this page reads version {n})',
  'model file has no settings',
  'model file has no params',
  'model setting {problem} (the page\'s limit)',
  'model settings: {problem}',
  'the model\'s layer sizes {sizes} do not match its settings on this page ({needed})',
  'the model has {n} output but {dataset} ({problem}) needs {outputs}',
  'the model has {n} outputs but {dataset} ({problem}) needs {outputs}',
  'the model has {n} output but the drawn {problem} points need {outputs}',
  'the model has {n} outputs but the drawn {problem} points need {outputs}',
  'the model\'s inputs {names} need x2, which {dataset} (1-D data) does not have',
  'the model was trained on drawn or imported points, which this page does not have: using {dataset}',
  'the model was trained on a drawn curve, which this page does not have: using {dataset}',
  'the model was trained on drawn or imported {problem} points, which this page does not have: using {dataset}',
  'model problem must be binary, multiclass or regression (got {value})',
  'model problem {problem} does not fit its layer sizes {sizes}',
  'model problem {problem} does not fit its dataset {dataset}',
  'model layerSizes must be a list of at least 2 whole numbers (inputs, ..., outputs)',
  'model layer sizes {sizes} do not match its hidden layers {hidden}',
  'model layer sizes {sizes} do not match its hidden layers (none)',
  'model layer sizes {sizes} do not match its {n} features',
  'model params has {n} numbers but layer sizes {sizes} need {expected}',
  'model params[{i}] is not a finite float32 number (got {value})',
  'model epoch must be a whole number ≥ 0 (got {value})',
  'model maxoutPieces must be 2, 3 or 4 (got {value})',
  'the file is too large ({x} MB; a model file may have at most {max} MB)',
]);

// Placeholders whose text is the link's or a file's own words, never translated.
const RAW = new Set(['key', 'value', 'name', 'names', 'item', 'word', 'values', 'expected', 'range', 'sizes', 'needed', 'hidden', 'axis', 'from', 'to']);
const PLACEHOLDER = /\{(\w+)\}/g;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Longest literal text first: a message matches its most specific template.
const literalLength = (s) => s.replace(PLACEHOLDER, '').length;
let compiled = null;
function templates() {
  compiled ??= [...TEMPLATES].sort((a, b) => literalLength(b) - literalLength(a)).map((template) => {
    const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
    const source = template.split(PLACEHOLDER).map((part, i) => (i % 2 ? '(.+?)' : escape(part))).join('');
    return { template, names, regex: new RegExp(`^${source}$`, 's') };
  });
  return compiled;
}

/**
 * The template an English message was composed from, and its placeholders' text; null when none.
 * @param {string} text
 * @returns {{ template: string, params: Object<string, string> }|null}
 */
export function matchTemplate(text) {
  for (const { template, names, regex } of templates()) {
    const m = regex.exec(text);
    if (m) return { template, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]])) };
  }
  return null;
}

const PLAIN_DECIMAL = /^[+-−]?\d+\.\d+$/;
// Ids the page names in words, in the catalogue's context of the placeholder's name: {dataset}
// 'multi_spiral' as the dataset picker says it, {problem} 'binary' as the header's messages do.
const ID_WORDS = { dataset: (id) => DATASET_TITLES[id] ?? id, problem: (id) => id };

// A placeholder's text in the language in force.
function translatePart(name, text) {
  if (RAW.has(name)) return text;
  if (PLAIN_DECIMAL.test(text)) return text.replace('.', decimalSeparator());
  const words = ID_WORDS[name]?.(text);
  if (words !== undefined && Object.hasOwn(catalogue(), inContext(name, words))) return t(words, undefined, name);
  return translateMessage(text);
}

/**
 * An English message (composed by the core, the link's reader or a file's) in the language in
 * force: its catalogue text, or its template's with each placeholder's text translated in turn;
 * as it is when it is neither.
 * @param {string} text
 * @returns {string}
 */
export function translateMessage(text) {
  if (language() === 'en' || typeof text !== 'string') return text;
  if (Object.hasOwn(catalogue(), text)) return t(text);
  const found = matchTemplate(text);
  if (!found) return text;
  const params = Object.fromEntries(Object.entries(found.params).map(([name, part]) => [name, translatePart(name, part)]));
  return t(found.template, params);
}
