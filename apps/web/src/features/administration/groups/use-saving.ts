import { useState } from 'react';
import { isConnectionError } from '../../../lib/graphql-errors';
import { fieldProblems, type FieldProblem } from './problems';

export type Outcome = 'saved' | 'unreachable' | 'failed' | null;

/**
 * The outcome of a change in one of the small forms: the problems found before sending (`checked`) or the API's at
 * their fields, else a general failure; saved when it went through.
 */
export function useSaving() {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const save = async (checked: readonly FieldProblem[], work: () => Promise<unknown>): Promise<boolean> => {
    setOutcome(null);
    setProblems([...checked]);
    if (checked.length > 0) return false;
    try {
      await work();
      setOutcome('saved');
      return true;
    } catch (error) {
      const found = fieldProblems(error);
      setProblems(found);
      if (found.length === 0) setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
      return false;
    }
  };
  return { save, outcome, problemAt: (field: string) => problems.find((problem) => problem.field === field)?.code };
}
