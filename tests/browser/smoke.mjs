// Opens a URL and prints its title: proves the driver and the browser work.
import { launch } from './lib.mjs';
const b = await launch();
const page = await b.context.newPage();
await page.goto(process.argv[2]);
console.log(JSON.stringify({ title: await page.title() }));
await b.close();
