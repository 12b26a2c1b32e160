import { readCorpus } from './indexer/read.ts';
import { clean } from './indexer/clean.ts';
import { segment } from './indexer/segment.ts';
import { classify } from './indexer/classify.ts';
import { createIndex, toIndexedDocument } from './indexer/index-config.ts';
const r = readCorpus('/tmp/s10/corpus');
let tc=0, ts=0, tk=0; const docs: any[] = [];
for (const s of r.sources) {
  let t = performance.now(); const c = clean(s.text); tc += performance.now()-t;
  t = performance.now(); const g = segment(s.text, c.blocks); ts += performance.now()-t;
  t = performance.now(); for (const p of g.passages) { classify({ text: p.text, sectionPath: p.sectionPath, year: 2020 }); docs.push({ id: String(docs.length), text: p.text, sectionPath: p.sectionPath }); } tk += performance.now()-t;
}
let t = performance.now(); const idx = createIndex(); idx.addAll(docs.map(d => ({ id: d.id, text: d.text, section: d.sectionPath.join(' '), title: 'x' }))); const ti = performance.now()-t;
t = performance.now(); const json = JSON.stringify(idx); const tj = performance.now()-t;
console.log({ clean: tc.toFixed(0), segment: ts.toFixed(0), classify: tk.toFixed(0), index: ti.toFixed(0), stringify: tj.toFixed(0), passages: docs.length });
