import type { Plugin, Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/**
 * What a teacher must be able to open without a network once the app has been loaded: their day and the roll call
 * (they keep their last answers on the device), and the English texts. These load lazily, so the service worker
 * (public/sw.js) is told to keep them with the app shell: index.html lists them in a `<meta>` the browser ignores.
 */
const OFFLINE_MODULES = ['src/features/start/staff-start-page.tsx', 'src/features/attendance/roll-call-page.tsx', 'src/locales/en.json'];

/** A chunk's own file and those it imports statically, with their styles: what opening it needs. */
function filesOf(chunk: OutputChunk, bundle: OutputBundle, seen: Set<string>): void {
  if (seen.has(chunk.fileName)) return;
  seen.add(chunk.fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
  for (const imported of chunk.imports) {
    const next = bundle[imported];
    if (next?.type === 'chunk') filesOf(next, bundle, seen);
  }
}

export function offlineShell(): Plugin {
  return {
    name: 'insyn:offline-shell',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
        const files = new Set<string>();
        for (const module of OFFLINE_MODULES) {
          const chunk = chunks.find((candidate) => candidate.facadeModuleId?.endsWith(module));
          if (!chunk) throw new Error(`offline-shell: no chunk of its own for ${module}; is it still loaded lazily?`);
          filesOf(chunk, bundle, files);
        }
        return [
          {
            tag: 'meta',
            attrs: { name: 'insyn-offline-assets', content: [...files].map((file) => `/${file}`).join(' ') },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
