/**
 * Registers public/sw.js (production builds only: in development Vite serves modules the worker must
 * not cache). The worker keeps the app shell so a reload without a network still starts the app.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
