import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { server } from '@mocks/node';
import { resetPublicHistory } from '@mocks/handlers/public-history';

// findBy* waits up to 5 s: machines here are shared, and slow is not wrong.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout: Recharts' ResponsiveContainer would measure 0×0 and draw nothing.
class ResizeObserverStub {
  private readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }
  observe(target: Element) {
    const rect = { width: 800, height: 300, top: 0, left: 0, bottom: 300, right: 800, x: 0, y: 0 };
    const entry = {
      target,
      contentRect: { ...rect, toJSON: () => rect },
    } as unknown as ResizeObserverEntry;
    this.callback([entry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver = ResizeObserverStub as unknown as typeof ResizeObserver;
vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
  width: 800,
  height: 300,
  top: 0,
  left: 0,
  bottom: 300,
  right: 800,
  x: 0,
  y: 0,
  toJSON: () => ({}),
});
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get: () => 300,
});

// A console error during a test is a failure unless the test expects it (and mocks console.error).
let consoleErrors: unknown[][] = [];
const originalError = console.error;
beforeEach(() => {
  consoleErrors = [];
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args);
    originalError(...args);
  };
});
afterEach(() => {
  console.error = originalError;
  if (consoleErrors.length > 0) {
    const first = consoleErrors[0]?.map(String).join(' ') ?? '';
    throw new Error(`console.error was called during the test: ${first.slice(0, 500)}`);
  }
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetPublicHistory();
});
afterAll(() => server.close());
