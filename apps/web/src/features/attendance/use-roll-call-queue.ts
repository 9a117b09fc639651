import { useApolloClient } from '@apollo/client/react';
import { useEffect, useSyncExternalStore } from 'react';
import { flushQueue, loadQueue, queueSnapshot, subscribeToQueue } from './queue';

export function useRollCallQueue() {
  return useSyncExternalStore(subscribeToQueue, queueSnapshot);
}

/** Keeps sending the user's waiting roll calls: at start, when the browser is back online, and on a timer. */
export function useRollCallSync(userId: string | null): void {
  const client = useApolloClient();
  useEffect(() => {
    if (userId === null) return;
    const flush = () => void flushQueue(client, userId);
    void loadQueue().then(flush);
    window.addEventListener('online', flush);
    const timer = window.setInterval(() => {
      if (navigator.onLine && queueSnapshot().pending.some((item) => item.userId === userId)) flush();
    }, 60_000);
    return () => {
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [client, userId]);
}
