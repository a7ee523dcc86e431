// npm_filters.js CORPUS WORDS: times the JavaScript sensitive-word filters
// installed from npm (bench/screen/package.json) over the same corpus and
// dictionary as bench_screen, one core, and prints MB/s of the UTF-8 input
// and the number of hits (each must find the planted words). The time is
// the scan only: building the automaton and decoding the file are excluded,
// which favours the JavaScript side.
'use strict';
const fs = require('fs');
const path = require('path');
const [corpusPath, wordsPath] = process.argv.slice(2);
const bytes = fs.statSync(corpusPath).size;
const text = fs.readFileSync(corpusPath, 'utf8');
const words = fs.readFileSync(wordsPath, 'utf8').split('\n').filter((w) => w && !w.startsWith('#'));
const req = (m) => require(path.join(__dirname, 'node_modules', m));

const filters = [
  ['mint-filter 4', () => { const { Mint } = req('mint-filter'); const m = new Mint(words);
      return (t) => m.filter(t, { replace: false }).words.length; }],
  ['fastscan 1', () => { const F = req('fastscan'); const s = new F(words);
      return (t) => s.search(t).length; }],
  ['ahocorasick 1', () => { const A = req('ahocorasick'); const a = new A(words);
      return (t) => a.search(t).length; }],
  ['@monyone/aho-corasick 1', () => { const { AhoCorasick } = req('@monyone/aho-corasick');
      const a = new AhoCorasick(words); return (t) => a.matchInText(t).length; }],
];

// Scan in 1 MB slices of text (split at newlines) so no library is asked to
// hold one result array for the whole corpus.
const slices = [];
for (let i = 0; i < text.length;) {
  let j = Math.min(text.length, i + (1 << 20));
  const nl = text.indexOf('\n', j);
  j = nl < 0 ? text.length : nl + 1;
  slices.push(text.slice(i, j));
  i = j;
}
let best = 0;
for (const [name, make] of filters) {
  let scan;
  try { scan = make(); } catch (e) { console.log(`${name.padEnd(28)} failed: ${e.message}`); continue; }
  const t0 = process.hrtime.bigint();
  let hits = 0;
  for (const s of slices) hits += scan(s);
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  const mbs = bytes / 1e6 / sec;
  best = Math.max(best, mbs);
  console.log(`${name.padEnd(28)} ${sec.toFixed(3)} s  ${mbs.toFixed(1).padStart(8)} MB/s  hits ${hits}`);
}
console.log(`fastest npm filter: ${best.toFixed(1)} MB/s`);
