import { execFileSync } from 'node:child_process';

/** Builds the dashboard once for a same-origin API into dist-server/ (never the mock's dist/). */
export default function build(): void {
  execFileSync('npx', ['vite', 'build', '--outDir', 'dist-server', '--emptyOutDir'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_API_URL: '/' },
  });
}
