import { expect, test } from 'vitest';
import { keepFocusThroughSwap } from './shell-focus';

const frame = `<div class="app" data-shell>
  <a class="skip-link" href="#main">Skip</a>
  <header><a class="brand" href="/">Ashyq</a>
    <nav class="language-switcher"><a lang="kk" href="?lang=kk">KK</a><a lang="en" href="?lang=en">EN</a></nav>
    <nav class="site-nav"><a href="/">Overview</a><a href="/initiatives">Initiatives</a><a href="/sources">Sources</a></nav>
  </header></div>`;
const app = `<div class="app">
  <a class="skip-link" href="#main">Skip</a>
  <header><a class="brand active" href="/?lang=en">Ashyq</a>
    <nav class="language-switcher"><a lang="kk" href="/?lang=kk">KK</a><a lang="en" href="/?lang=en">EN</a></nav>
    <nav class="site-nav"><a href="/?lang=en">Overview</a><a href="/initiatives?lang=en">Initiatives</a><a href="/sources?lang=en">Sources</a></nav>
  </header><main id="main"></main></div>`;

/** The painted frame, a focus on one of its links, then the app's markup in its place. */
async function swapWithFocusOn(selector: string): Promise<Element | null> {
  const root = document.createElement('div');
  root.innerHTML = frame;
  document.body.append(root);
  root.querySelector<HTMLElement>(selector)?.focus();
  keepFocusThroughSwap(root);
  root.innerHTML = app;
  await new Promise((resolve) => setTimeout(resolve, 0));
  const focused = document.activeElement;
  root.remove();
  return focused;
}

test('a focus on the frame’s navigation moves to the same link of the app', async () => {
  expect((await swapWithFocusOn('.site-nav a[href="/initiatives"]'))?.textContent).toBe(
    'Initiatives',
  );
  expect((await swapWithFocusOn('.language-switcher a[lang=en]'))?.getAttribute('href')).toBe(
    '/?lang=en',
  );
  expect((await swapWithFocusOn('.skip-link'))?.className).toBe('skip-link');
  expect((await swapWithFocusOn('.brand'))?.className).toBe('brand active');
});

test('without a focus in the frame, the swap moves nothing', async () => {
  expect(await swapWithFocusOn('.nothing')).toBe(document.body);
});
