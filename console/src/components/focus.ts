/** Moves focus to the screen's heading and names the tab after it (keyboard and screen-reader users land on it). */
const focusHeading = () => {
  const heading = document.querySelector<HTMLElement>('main h1');
  heading?.focus();
  document.title = `${heading?.textContent ?? 'Tandem'} · Tandem console`;
};

export { focusHeading };
