// Imported by main.tsx between the libraries and the app: the modules after it are evaluated in a
// task of their own, so that a slow phone does not spend one long task evaluating all of them.
await new Promise((resolve) => setTimeout(resolve, 0));

export {};
