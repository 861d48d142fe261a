// The smallest client: VS Code starts `workplan lsp` for YAML files and shows what it says.
// Everything (checks, fixes, completion, hover, outline) comes from the server.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

exports.activate = async function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('workplan').get('command');
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  client = new LanguageClient(
    'workplan',
    'workplan',
    { command, args, options: { cwd, shell: process.platform === 'win32' } },
    { documentSelector: [{ scheme: 'file', language: 'yaml' }] },
  );
  context.subscriptions.push(client);
  await client.start();
};

exports.deactivate = function deactivate() {
  return client?.stop();
};
