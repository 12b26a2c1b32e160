// Server-side rendering with Handlebars: templates and partials from views/, compiled once. Templates
// escape everything with {{ }}; only HTML the server built and escaped itself goes through {{{ }}}.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../language/project.ts';

export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');

/** Renders a page template inside the layout. */
export type Renderer = (template: string, model: Record<string, unknown>) => string;

export function createRenderer(viewsDir = VIEWS_DIR): Renderer {
  const hbs = Handlebars.create();
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hbs.registerHelper('plural', (count: number, one: string, many: string) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`);
  hbs.registerHelper('number', (value: number) => (typeof value === 'number' ? value.toLocaleString('en-US') : ''));
  const partials = path.join(viewsDir, 'partials');
  for (const file of readdirSync(partials).filter((name) => name.endsWith('.hbs'))) {
    hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(path.join(partials, file), 'utf8'));
  }
  const compile = (name: string) => hbs.compile(readFileSync(path.join(viewsDir, `${name}.hbs`), 'utf8'), { strict: false });
  const layout = compile('layout');
  const pages = new Map(
    readdirSync(viewsDir)
      .filter((name) => name.endsWith('.hbs') && name !== 'layout.hbs')
      .map((name) => [name.replace(/\.hbs$/, ''), compile(name.replace(/\.hbs$/, ''))]),
  );
  return (template, model) => {
    const page = pages.get(template);
    if (page === undefined) throw new Error(`render: no template views/${template}.hbs`);
    return layout({ ...model, body: page(model) });
  };
}
