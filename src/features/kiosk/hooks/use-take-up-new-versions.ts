import { useEffect } from 'react';

const HOUR = 60 * 60 * 1000;

/**
 * An unattended screen takes up a new version of the app by itself: it asks for updates every
 * hour, and reloads once a new service worker has taken control. A first install does not reload.
 */
export function useTakeUpNewVersions(): void {
  useEffect(() => {
    const container = navigator.serviceWorker;
    if (!container) return undefined;
    const hadController = container.controller !== null;
    const onChange = () => {
      if (hadController) window.location.reload();
    };
    container.addEventListener('controllerchange', onChange);
    const timer = window.setInterval(() => {
      void container.getRegistration().then((registration) => registration?.update());
    }, HOUR);
    return () => {
      container.removeEventListener('controllerchange', onChange);
      window.clearInterval(timer);
    };
  }, []);
}
