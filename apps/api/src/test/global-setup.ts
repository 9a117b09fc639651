// Vitest global setup for the API tests: the standard test school is seeded once per run, and every
// test server starts from a copy of it (test/harness.ts).
import type { TestProject } from 'vitest/node';
import { createStandardSchoolTemplates, removeStandardSchoolTemplates } from './harness.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templates = await createStandardSchoolTemplates();
  project.provide('standardSchool', templates);
  return () => removeStandardSchoolTemplates(templates);
}
