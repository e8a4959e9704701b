/**
 * Registers the offline service worker. Only builds that talk to a real API have one: with the
 * mock API, MSW's worker holds the same scope, and one page cannot have two.
 * Returns the registration so a kiosk can look for updates now and then.
 */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  try {
    return await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch {
    // No offline shell (private mode, an old browser): the app works online as before.
    return null;
  }
}
