import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * antd's ConfigProvider imports its tooltip `UniqueProvider` (and with it all of rc-trigger, about
 * 10 kB gzip of the first screen) for the `tooltip={{ unique: true }}` option, which this app never
 * sets. That one import resolves to a provider that renders its children (src/layout/no-unique-
 * tooltip.tsx); everywhere else the tooltip is antd's own. If antd moves the file the import is
 * simply not matched and the first-load test says so (decision 027).
 */
function withoutUniqueTooltip(): Plugin {
  const replacement = fileURLToPath(new URL('./src/layout/no-unique-tooltip.tsx', import.meta.url));
  return {
    name: 'huimin:without-unique-tooltip',
    enforce: 'pre',
    resolveId(source, importer) {
      const fromConfigProvider = importer?.replaceAll('\\', '/').endsWith('/antd/es/config-provider/index.js');
      return source === '../tooltip/UniqueProvider' && fromConfigProvider ? replacement : null;
    },
  };
}

export default defineConfig({
  plugins: [react(), withoutUniqueTooltip()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
