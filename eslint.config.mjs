// Flat config: typescript-eslint's recommended rules, plus rules that keep the core free of `vscode`, and what the
// browser's extension host runs free of Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'The core runs outside VS Code: keep vscode in src/vscode.' };
const NO_NODE = { group: ['node:*', 'fs', 'path', 'os', 'worker_threads'], message: 'This runs in a browser too: put what needs Node behind ExtensionHost (src/vscode/host.ts).' };
/** The Node implementations: the desktop's worker threads, file reading and the build's glossary tools. */
const NODE_MODULES = [
  'src/core/model/worker.ts',
  'src/core/model/workerClient.ts',
  'src/core/model/modelFiles.ts',
  'src/core/glossary/load.ts',
  'src/core/glossary/userFiles.ts',
  'src/core/glossary/mergeOffThread.ts',
  'src/core/glossary/mergeWorker.ts',
  'src/core/glossary/compile.ts',
  'src/core/glossary/buildTool.ts',
  'src/vscode/nodeHost.ts',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'out/**', 'training/**', 'models/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly', process: 'readonly', Buffer: 'readonly', __dirname: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', crypto: 'readonly',
        URL: 'readonly', document: 'readonly', window: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      curly: ['error', 'multi-line'],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/webviewProtocol/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE] }],
    },
  },
  {
    // What the browser's extension host runs (package.json `browser`) may not lean on Node: the core, the VS Code
    // layer and src/web, except the Node implementations the desktop's entry gives (ExtensionHost in nodeHost.ts).
    files: ['src/core/**/*.ts', 'src/webviewProtocol/**/*.ts'],
    ignores: NODE_MODULES,
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE], patterns: [NO_NODE] }],
    },
  },
  {
    files: ['src/vscode/**/*.ts', 'src/web/**/*.ts'],
    ignores: NODE_MODULES,
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_NODE] }],
    },
  },
);
