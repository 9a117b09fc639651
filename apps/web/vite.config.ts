import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { inlineGraphqlDocuments } from './build/graphql-documents.ts';
import { offlineShell } from './build/offline-shell.ts';
import { precompress } from './build/precompress.ts';

// In development the API runs on its own port; in production it serves this app from the same origin.
const apiTarget = process.env.INSYN_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [inlineGraphqlDocuments(), react(), offlineShell(), precompress()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
      '/api': { target: apiTarget, changeOrigin: false },
      // SS 12000 for other systems; the API clients page links its OpenAPI description.
      '/ss12000': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Which chunks each page loads, for the service worker's offline shell and bench/first-screen.ts.
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases. The other libraries
        // stay with the lazily loaded pages that use them (recharts with the statistics, TanStack Table with the
        // tables): a catch-all library chunk would load them on the login page.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /[\\/]node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/ },
            { name: 'apollo', test: /[\\/]node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)[\\/]/ },
          ],
        },
      },
    },
  },
});
