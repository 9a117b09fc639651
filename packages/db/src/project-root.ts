import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above `from` that holds pnpm-workspace.yaml. */
export function findProjectRoot(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

export const projectPaths = () => {
  const root = findProjectRoot();
  return {
    root,
    schema: join(root, 'prisma', 'schema.prisma'),
    migrations: join(root, 'prisma', 'migrations'),
  };
};
