/** Ends the current task: what follows runs in a task of its own, once the browser has had a turn. */
export const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

// main.tsx imports this module after the libraries and before the app, so the app's modules are
// evaluated in the next task: a slow phone does not spend one long task evaluating all of them.
// Its place among main.tsx's imports is what matters; keep it there.
await yieldToBrowser();
