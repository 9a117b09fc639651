/**
 * Registers public/sw.js (production builds only: in development Vite serves modules the worker must
 * not cache). The worker keeps the app shell so a reload without a network still starts the app.
 * Registered once the page has loaded, so that it does not compete with the start. main.tsx calls this after awaiting
 * the texts, which for English are fetched and may arrive after the load event: then it registers at once.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
