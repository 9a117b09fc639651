import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { judgePassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, type PasswordProblem } from '@insyn/domain/password-rule';
import { appError } from '../../errors.ts';

// Algorithm.Argon2id; the package exports a const enum, which isolated modules cannot read.
const ARGON2ID = 2 as Algorithm;

/** Argon2id at OWASP's minimum recommendation: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** What the API says of each way a new password breaks the rule (`judgePassword` in @insyn/domain). */
const EXPLAINED: Record<PasswordProblem, string> = {
  TOO_SHORT: `must be at least ${MIN_PASSWORD_LENGTH} characters long`,
  TOO_LONG: `must be at most ${MAX_PASSWORD_LENGTH} characters long`,
  CONTAINS_NAME: "must not contain the person's name or username",
  TOO_GUESSABLE: 'is too easy to guess (a common password or pattern); a few words that do not belong together make a good one',
};

/**
 * What is wrong with a new password for the person with these names and username: its code and words to
 * follow "The password …", or undefined when it may be used.
 */
export function passwordRuleViolation(
  password: string,
  personal: readonly string[],
): { code: PasswordProblem; message: string } | undefined {
  const { problem } = judgePassword(password, personal);
  return problem ? { code: problem, message: EXPLAINED[problem] } : undefined;
}

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the user does not exist keeps the response time the same,
// so timing does not tell which usernames exist.
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword('not-a-real-password-for-timing'));

/**
 * Bounds how many password hashes one process computes at once (each holds 19 MiB and a thread for tens of
 * milliseconds) and how many wait for one. Beyond both a request is refused at once rather than queued behind a
 * flood, so a flood of logins does not make every other user wait; a few logins at the same moment just wait.
 */
export interface PasswordGate {
  run<T>(work: () => Promise<T>): Promise<T>;
}

/** How many may wait, for each hash computed at once. */
export const WAITING_PER_RUNNING = 8;

export function passwordGate(running: number, waiting = running * WAITING_PER_RUNNING): PasswordGate {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    async run(work) {
      if (active >= running) {
        if (queue.length >= waiting) {
          throw appError('TOO_MANY_ATTEMPTS', 'The server is busy checking passwords; try again in a moment', { retryAfterSeconds: 1 });
        }
        // The slot is handed over by the one that ends, so `active` never goes over the bound.
        await new Promise<void>((resolve) => queue.push(resolve));
      } else {
        active++;
      }
      try {
        return await work();
      } finally {
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
