/**
 * The binary model file: a tagger and a parser, each a sparse quantised LinearModel.
 *
 * Layout (little-endian): the 8 bytes `DYADPRS1`, a uint32 header length, a UTF-8 JSON header (tag and label
 * lists, section sizes, free-form `meta`), then for the tagger and then the parser: feature keys as varint
 * deltas, entries per row as varints, one class byte per entry, and one weight per entry (int8 or int16);
 * then (format 2, when the models use them) the word-cluster table and the tagger's tag dictionary, each as
 * word hashes in varint deltas and one uint16 id per word.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ClusterTable } from './clusters.js';
import { LinearModel } from './linear-model.js';
import { Parser } from './parser.js';
import { Tagger, UPOS_TAGS } from './tagger.js';

const MAGIC = 'DYADPRS1';

/** A loaded model file. */
export interface ModelBundle {
  tagger: Tagger;
  parser: Parser;
  /** Free-form facts about training (scores, command, date) stored in the header. */
  meta: Record<string, unknown>;
}

interface Section {
  nClasses: number;
  rows: number;
  entries: number;
  bits: 8 | 16;
  scale: number;
  keyBytes: number;
  lenBytes: number;
}

/** Growable byte sink for varints. */
class Bytes {
  buf = new Uint8Array(1 << 16);
  len = 0;
  varint(v: number): void {
    if (this.len + 5 > this.buf.length) {
      const b = new Uint8Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    while (v >= 0x80) {
      this.buf[this.len++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

const encode = (m: LinearModel): { section: Section; parts: Uint8Array[] } => {
  const keys = new Bytes();
  let prev = 0;
  for (let r = 0; r < m.rows; r++) {
    keys.varint(m.keys[r] - prev);
    prev = m.keys[r];
  }
  const lens = new Bytes();
  for (let r = 0; r < m.rows; r++) lens.varint(m.start[r + 1] - m.start[r]);
  const bits = m.val instanceof Int8Array ? 8 : 16;
  const val = new Uint8Array(m.val.buffer, m.val.byteOffset, m.val.byteLength);
  return {
    section: { nClasses: m.nClasses, rows: m.rows, entries: m.cls.length, bits, scale: m.scale, keyBytes: keys.len, lenBytes: lens.len },
    parts: [keys.bytes(), lens.bytes(), m.cls, val],
  };
};

const decode = (s: Section, buf: Uint8Array, at: number): { model: LinearModel; end: number } => {
  const keys = new Uint32Array(s.rows);
  let p = at;
  let prev = 0;
  for (let r = 0; r < s.rows; r++) {
    let v = 0;
    let mul = 1;
    let b: number;
    do {
      b = buf[p++];
      v += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    prev += v;
    keys[r] = prev;
  }
  const start = new Uint32Array(s.rows + 1);
  for (let r = 0; r < s.rows; r++) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = buf[p++];
      v |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    start[r + 1] = start[r] + v;
  }
  if (p !== at + s.keyBytes + s.lenBytes) throw new Error('model file: corrupt key or length section');
  const cls = buf.slice(p, p + s.entries);
  p += s.entries;
  const vb = buf.slice(p, p + (s.entries * s.bits) / 8); // a copy, so the typed array is aligned
  p += vb.length;
  const val = s.bits === 8 ? new Int8Array(vb.buffer, vb.byteOffset, s.entries) : new Int16Array(vb.buffer, vb.byteOffset, s.entries);
  return { model: new LinearModel(s.nClasses, keys, start, cls, val, s.scale), end: p };
};

/** Writes a tagger and parser to one binary file, creating its folder if needed. */
export const saveModel = (path: string, tagger: Tagger, parser: Parser, meta: Record<string, unknown> = {}): number => {
  const t = encode(tagger.model);
  const p = encode(parser.model);
  if (tagger.clusters && parser.clusters && tagger.clusters !== parser.clusters) throw new Error('saveModel: the tagger and parser must share one cluster table');
  const clusters = tagger.clusters ?? parser.clusters;
  const c = clusters ? encodeClusters(clusters) : null;
  const d = tagger.dict ? encodeClusters(tagger.dict) : null;
  const header = Buffer.from(
    JSON.stringify({
      format: c || d ? 2 : 1,
      tags: UPOS_TAGS,
      labels: parser.labels,
      tagger: t.section,
      parser: p.section,
      ...(c ? { clusters: c.section, taggerClusters: !!tagger.clusters, parserClusters: !!parser.clusters } : {}),
      ...(d ? { tagDict: d.section } : {}),
      meta,
    }),
    'utf8',
  );
  const head = Buffer.alloc(12);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 8);
  const out = Buffer.concat([head, header, ...t.parts, ...p.parts, ...(c ? c.parts : []), ...(d ? d.parts : [])]);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, out);
  return out.length;
};

interface ClusterSection {
  size: number;
  fanout: number;
  keyBytes: number;
}

const encodeClusters = (c: ClusterTable): { section: ClusterSection; parts: Uint8Array[] } => {
  const keys = new Bytes();
  let prev = 0;
  for (let r = 0; r < c.size; r++) {
    keys.varint(c.keys[r] - prev);
    prev = c.keys[r];
  }
  const ids = new Uint8Array(c.size * 2);
  for (let r = 0; r < c.size; r++) (ids[2 * r] = c.ids[r] & 0xff), (ids[2 * r + 1] = c.ids[r] >>> 8);
  return { section: { size: c.size, fanout: c.fanout, keyBytes: keys.len }, parts: [keys.bytes(), ids] };
};

const decodeClusters = (s: ClusterSection, buf: Uint8Array, at: number): { clusters: ClusterTable; end: number } => {
  const keys = new Uint32Array(s.size);
  let p = at;
  let prev = 0;
  for (let r = 0; r < s.size; r++) {
    let v = 0;
    let mul = 1;
    let b: number;
    do {
      b = buf[p++];
      v += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    prev += v;
    keys[r] = prev;
  }
  if (p !== at + s.keyBytes) throw new Error('model file: corrupt cluster section');
  const ids = new Uint16Array(s.size);
  for (let r = 0; r < s.size; r++) ids[r] = buf[p + 2 * r] | (buf[p + 2 * r + 1] << 8);
  return { clusters: new ClusterTable(keys, ids, s.fanout), end: p + 2 * s.size };
};

/** Reads a model file written by saveModel. */
export const loadModel = (path: string): ModelBundle => {
  const buf = readFileSync(path);
  if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${path}: not a dyad parser model`);
  const hlen = buf.readUInt32LE(8);
  const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as {
    format: number;
    tags: string[];
    labels: string[];
    tagger: Section;
    parser: Section;
    clusters?: ClusterSection;
    tagDict?: ClusterSection;
    taggerClusters?: boolean;
    parserClusters?: boolean;
    meta: Record<string, unknown>;
  };
  if (header.format !== 1 && header.format !== 2) throw new Error(`${path}: model format ${header.format} is not supported`);
  if (header.tags.join() !== UPOS_TAGS.join()) throw new Error(`${path}: the model's tag set differs from this code's`);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  const t = decode(header.tagger, bytes, 12 + hlen);
  const p = decode(header.parser, bytes, t.end);
  let end = p.end;
  let clusters: ClusterTable | null = null;
  if (header.clusters) {
    const c = decodeClusters(header.clusters, bytes, end);
    clusters = c.clusters;
    end = c.end;
  }
  let dict: ClusterTable | null = null;
  if (header.tagDict) {
    const d = decodeClusters(header.tagDict, bytes, end);
    dict = d.clusters;
    end = d.end;
  }
  if (end !== buf.length) throw new Error(`${path}: ${buf.length - end} unexpected bytes at the end`);
  return {
    tagger: new Tagger(t.model, header.taggerClusters ? clusters : null, dict),
    parser: new Parser(p.model, header.labels, header.parserClusters ? clusters : null),
    meta: header.meta,
  };
};
