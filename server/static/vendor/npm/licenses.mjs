// Writes the licence notice of a vendored bundle: every npm package whose code it contains,
// with its version, its declared licence and the licence text the package ships.
//   node licenses.mjs OUT.txt --meta esbuild-meta.json   (packages esbuild put in the bundle)
//   node licenses.mjs OUT.txt --deps @zazuko/yasgui      (a prebuilt bundle: the package and its dependencies)
import fs from "node:fs";
import path from "node:path";

const [out, mode, ...args] = process.argv.slice(2);
const root = process.cwd();

function packageDir(name, from) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === root || dir === path.dirname(dir)) throw new Error(`package ${name} not found from ${from}`);
  }
}

const found = new Map();  // package dir -> package.json

function addWithDependencies(dir) {
  if (found.has(dir)) return;
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  found.set(dir, meta);
  for (const dep of Object.keys(meta.dependencies || {})) addWithDependencies(packageDir(dep, dir));
}

if (mode === "--deps") {
  for (const name of args) addWithDependencies(packageDir(name, root));
} else if (mode === "--meta") {
  const meta = JSON.parse(fs.readFileSync(args[0], "utf8"));
  for (const input of Object.keys(meta.inputs)) {
    const parts = input.split("/");
    const at = parts.lastIndexOf("node_modules");
    if (at < 0) continue;
    const name = parts[at + 1].startsWith("@") ? parts.slice(at + 1, at + 3).join("/") : parts[at + 1];
    const dir = path.join(root, ...parts.slice(0, at + 1), name);
    if (!found.has(dir)) found.set(dir, JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")));
  }
} else {
  throw new Error("usage: licenses.mjs OUT.txt --meta FILE | --deps PACKAGE...");
}

const entries = [...found.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name));
let text = "Third-party software in this bundle (npm packages, exact versions)\n\n";
for (const [dir, meta] of entries) {
  const licence = typeof meta.license === "string" ? meta.license : JSON.stringify(meta.license || meta.licenses || "unstated");
  text += `${"=".repeat(78)}\n${meta.name} ${meta.version} — ${licence}\n`;
  if (meta.homepage) text += `${meta.homepage}\n`;
  const files = fs.readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  if (files.length === 0) {
    text += `\n(The package ships no licence file; its package.json declares ${licence}`
      + `${meta.author ? ", author " + (typeof meta.author === "string" ? meta.author : meta.author.name) : ""}.)\n\n`;
  }
  for (const file of files) {
    if (fs.statSync(path.join(dir, file)).isFile()) text += `\n--- ${file}\n\n${fs.readFileSync(path.join(dir, file), "utf8").trim()}\n\n`;
  }
}
fs.writeFileSync(out, text);
console.log(`${out}: ${entries.length} packages`);
