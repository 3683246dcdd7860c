// A chapter's heading, "3. Gradient descent": on its page (chapter-page.js), and in its place while
// its page loads or could not (shell.js), so the place does not jump when the page comes.

/** Appends the heading of chapter `number`, `title`, to `container`. */
export function renderHeading(container, { number, title }) {
  const header = document.createElement('header');
  header.className = 'chapter-head';
  const h2 = document.createElement('h2');
  h2.id = 'chapter-title';
  h2.tabIndex = -1;  // focus comes to it from a chapter link followed (shell.js)
  // The title its own text node: the language translates it as a whole message.
  if (number) h2.append(`${number}. `);
  h2.append(title);
  header.append(h2);
  container.append(header);
}
