// Checks a Teams app manifest against the JSON schema that npm @microsoft/app-manifest bundles,
// with no network: the schema file is read from the package and handed to the validator, and
// fetch is disabled so a manifest pointing at a schema the package lacks fails instead of
// downloading it.
//
//   node validate-manifest.js <folder holding node_modules> <manifest.json>
//
// Prints a JSON array of the schema errors ([] when the manifest is valid) and exits 0 whenever
// the validation ran; exits 1 with the reason on stderr when it could not run.
'use strict';

const fs = require('fs');
const path = require('path');

const bundledPrefix = 'https://developer.microsoft.com/json-schemas/';

async function main() {
  const [toolsFolder, manifestPath] = process.argv.slice(2);
  if (!toolsFolder || !manifestPath) {
    throw new Error('usage: node validate-manifest.js <folder holding node_modules> <manifest.json>');
  }

  globalThis.fetch = async (url) => {
    throw new Error(`validate-manifest: network use refused (${url})`);
  };

  const packageFolder = path.dirname(require.resolve('@microsoft/app-manifest/package.json', { paths: [toolsFolder] }));
  const { AppManifestUtils } = require(packageFolder);

  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const schemaUrl = manifest.$schema;
  if (typeof schemaUrl !== 'string' || !schemaUrl.startsWith(bundledPrefix)) {
    throw new Error(`$schema ${schemaUrl} is not one @microsoft/app-manifest bundles`);
  }

  const schemaFile = path.join(packageFolder, 'build', 'json-schemas', schemaUrl.substring(bundledPrefix.length));
  if (!fs.existsSync(schemaFile)) {
    throw new Error(`@microsoft/app-manifest has no ${schemaFile} for $schema ${schemaUrl}`);
  }

  // The package cleans the same two escapes before parsing its own schema files.
  const raw = fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, JSON.parse(raw));
  process.stdout.write(JSON.stringify(errors));
}

main().catch((error) => {
  process.stderr.write(`${(error && error.stack) || error}\n`);
  process.exit(1);
});
