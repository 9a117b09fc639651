// Tests wait for a condition, never for a fixed time: on a busy machine the same work takes many times longer.
// The only limit is a guard against a hang, well above anything a loaded machine needs and below the API
// tests' 120-second test timeout (vitest.config.ts), so that a hang is reported with what was awaited.
export const HANG_GUARD_MS = 100_000;

/** Polls `probe` until it returns a value that is not undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = HANG_GUARD_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
