// Work that every API process looks for once a minute, started by nobody: the nightly SS 12000 imports, the nightly
// retention, the settling of the absence figures' days. Whatever makes one process do it and the others find it done
// lives in the work itself (a lock, a run's row); here, one look at a time per process.

const LOOK_EVERY_MS = 60_000;

export interface MinuteLook {
  /** stops looking, and waits for a look under way */
  stop: () => Promise<void>;
}

export function lookEveryMinute(options: {
  /** names the work in the log when a look fails */
  name: string;
  look: () => Promise<void>;
  log: (message: string) => void;
  /** look once at once as well, not only after the first minute */
  atStart?: boolean;
}): MinuteLook {
  let current: Promise<void> | null = null;
  const look = () => {
    if (current) return;
    current = options
      .look()
      .catch((error: unknown) => options.log(`${options.name}: ${String(error)}`))
      .finally(() => (current = null));
  };
  if (options.atStart) look();
  const timer = setInterval(look, LOOK_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
