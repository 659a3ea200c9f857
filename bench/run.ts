// `npm run bench`: runs every exported bench* function of bench/*.bench.ts, one after another, and
// prints each result as it comes, then a JSON document and a markdown table of them all.
// `npm run bench -- delivery planner` runs only the modules whose file names contain those words.
import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";

type BenchResult = Record<string, number | string>;
type BenchFunction = () => Promise<BenchResult>;

const folder = fileURLToPath(new URL(".", import.meta.url));

// Only exported async functions named bench* are benchmarks (helpers such as a message generator are not).
function isBench(name: string, value: unknown): value is BenchFunction {
  return (
    name.startsWith("bench") && typeof value === "function" && value.constructor.name === "AsyncFunction"
  );
}

function markdown(results: { name: string; result: BenchResult }[]): string {
  return results
    .map(({ name, result }) => {
      const rows = Object.entries(result).map(([key, value]) => `| ${key} | ${value} |`);
      return [`### ${name}`, "", "| measure | value |", "| --- | --- |", ...rows].join("\n");
    })
    .join("\n\n");
}

async function main(filters: string[]): Promise<void> {
  const files = (await readdir(folder))
    .filter((file) => file.endsWith(".bench.ts"))
    .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
    .sort();
  const results: { name: string; result: BenchResult }[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(`${folder}${file}`).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (!isBench(name, value)) continue;
      process.stderr.write(`running ${file} ${name}…\n`);
      const result = await value();
      process.stderr.write(`${JSON.stringify(result)}\n`);
      results.push({ name: `${file} ${name}`, result });
    }
  }
  process.stdout.write(
    `${JSON.stringify({ node: process.version, results }, null, 2)}\n\n${markdown(results)}\n`,
  );
}

await main(process.argv.slice(2));
