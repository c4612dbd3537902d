// Starts an older code-server (4.20, the 1.85 target of config.mjs) with VS Code's `--enable-smoke-test-driver`
// flag, which the integration runner needs (it makes the workbench honour the `payload` URL parameter). That release
// passes every parsed flag on to VS Code's server, but its command-line parser refuses flags it does not list, and it
// has no `--vscode-option`; this launcher adds the one flag to the parser's list and then runs code-server as usual.
// (A .js file: CommonJS, as package.json declares no module type, like code-server's own files.)
// Usage: node smoke-driver-launcher.js <code-server package directory> [code-server arguments...]
'use strict';
const path = require('node:path');

const [packageDir] = process.argv.splice(2, 1);
if (!packageDir) throw new Error('usage: node smoke-driver-launcher.js <code-server package directory> [arguments...]');
const cli = require(path.join(packageDir, 'out', 'node', 'cli.js'));
cli.options['enable-smoke-test-driver'] = {
  type: 'boolean',
  description: 'Let the workbench run extension tests from the URL payload.',
};
require(path.join(packageDir, 'out', 'node', 'entry.js'));
