// The course's chapters in lecture order (chapter-list.js): neuron, perceptron and Adaline, gradient
// descent, the MLP, backpropagation, activations, regularisation, initialisation. Each module exports
// id, title, playground (shown under it or not), lessons, tasks, mount(container, ctx) and unmount().
// With their pages and labs, they load when a chapter is first opened (chapter-loader.js).
import * as neuron from '../chapters/neuron/chapter.js';
import * as perceptron from '../chapters/perceptron/chapter.js';
import * as gradientDescent from '../chapters/gradient-descent/chapter.js';
import * as mlp from '../chapters/mlp/chapter.js';
import * as backprop from '../chapters/backprop/chapter.js';
import * as activations from '../chapters/activations/chapter.js';
import * as regularisation from '../chapters/regularisation/chapter.js';
import * as initialisation from '../chapters/initialisation/chapter.js';

/**
 * What each chapter module exports.
 * @typedef {{ id: string, title: string, playground: boolean, lessons: object[], tasks: object[],
 *   mount(container: HTMLElement, ctx: object): void, unmount(): void }} Chapter
 */

/** @type {readonly Chapter[]} */
export const CHAPTERS = Object.freeze([neuron, perceptron, gradientDescent, mlp, backprop, activations,
  regularisation, initialisation]);

/** The chapter with this id, or undefined. */
export const chapterById = (id) => CHAPTERS.find((c) => c.id === id);

/** Every lesson with its chapter's id: [{ chapter, lesson }]. */
export function allLessons() {
  return CHAPTERS.flatMap((c) => c.lessons.map((lesson) => ({ chapter: c.id, lesson })));
}
