// `pnpm admin:init`: the command of admin-init.command.ts on this process's arguments, streams and environment.
import { runAdminInit } from './admin-init.command.ts';

// The schema engine leaves a timer behind that would keep Node alive for seconds after closing.
runAdminInit({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
