// The course's chapters as the page needs them before one is opened, in lecture order: the id a
// link names, the title the Chapters menu and the page's title show, and whether the playground
// shows under it. Their pages and labs (chapters.js) load when a chapter is first opened
// (chapter-loader.js); each chapter module takes its id and title from here.

/** @typedef {{ id: string, title: string, playground: boolean }} ChapterInfo */

/** @type {readonly ChapterInfo[]} */
export const CHAPTER_LIST = Object.freeze([
  { id: 'neuron', title: 'The neuron', playground: false },
  { id: 'perceptron', title: 'Perceptron and Adaline', playground: true },
  { id: 'gradient-descent', title: 'Gradient descent', playground: true },
  { id: 'mlp', title: 'The MLP and its forward pass', playground: true },
  { id: 'backprop', title: 'Backpropagation', playground: true },
  { id: 'activations', title: 'Activation functions', playground: true },
  { id: 'regularisation', title: 'Regularisation and generalisation', playground: true },
  { id: 'initialisation', title: 'Initialisation', playground: true },
].map((c) => Object.freeze(c)));

/** The chapter with this id, or undefined. */
export const chapterInfo = (id) => CHAPTER_LIST.find((c) => c.id === id);
