import type { ContextEvidence, ValueUse } from '../../types.js';
import type { ContextSettings, LanguageAdapter } from '../adapter.js';
import { nameEvidence, stringEvidence } from '../../knowledge/evidence.js';
import { namedSubject } from '../../knowledge/names.js';

const NUMERIC_TYPES = new Set(['Int', 'BigInt', 'Float', 'Decimal']);
const FIELD = /^([ \t]*)(\w+)([ \t]+)(\w+)(\[\]|\?)?(.*)$/;
const BLOCK_ATTRIBUTE = /@@(unique|id)\s*\(\s*(?:fields\s*:\s*)?\[([^\]]*)\]/;

/** `schema.prisma`: model fields are declared one per line, so a line scanner reads them exactly. */
export const prismaAdapter: LanguageAdapter = {
  id: 'prisma',
  extensions: ['.prisma'],
  comments: { line: ['//'], block: [] },
  contextScope: 'project',
  analyze({ text, context }) {
    const valueUses: ValueUse[] = [];
    const evidence: ContextEvidence[] = [];
    let inModel = false;
    let offset = 0;
    for (const line of text.split(/(?<=\n)/)) {
      const code = line.replace(/\/\/.*$/s, '').trimEnd();
      if (/^\s*(model|type)\s+\w+\s*\{/.test(code)) inModel = true;
      else if (/^\s*\}/.test(code)) inModel = false;
      else if (inModel) valueUses.push(...fieldUses(code, offset));
      evidence.push(...lineEvidence(code, offset, context));
      offset += line.length;
    }
    return { facts: { evidence, localImports: [], valueUses, xmlOps: [] } };
  },
};

/** A model named for the vendor (`model BomgarSession`, `@@map("bomgar_session")`) or an `lseq` field is evidence on its own. */
function lineEvidence(code: string, offset: number, context: ContextSettings): ContextEvidence[] {
  const found: ContextEvidence[] = [];
  for (const match of code.matchAll(/"([^"]*)"|\b\w+\b/g)) {
    const kind = match[1] !== undefined ? stringEvidence(match[1], context) : nameEvidence(match[0]);
    if (kind) found.push({ kind, text: match[0], span: { start: offset + match.index, end: offset + match.index + match[0].length } });
  }
  return found;
}

function fieldUses(code: string, offset: number): ValueUse[] {
  const block = BLOCK_ATTRIBUTE.exec(code);
  if (block) {
    const lseq = block[2]!.split(',').map((f) => f.trim()).find((f) => namedSubject(f, 'lseq') === 'value');
    const start = offset + block.index;
    return lseq ? [{ subject: 'lseq', kind: 'unique-key', span: { start, end: start + block[0].length }, construct: `unique key (@@${block[1]}([${block[2]!.trim()}]))`, origin: lseq }] : [];
  }
  const field = FIELD.exec(code);
  if (!field || field[2]!.startsWith('@')) return [];
  const [, indent, fieldName, gap, type, modifier, attributes] = field as unknown as [string, string, string, string, string, string | undefined, string];
  // `cursor Int @map("lsid")`: the database column names the field.
  const name = /@map\(\s*"([^"]+)"\s*\)/.exec(attributes)?.[1] ?? fieldName;
  const typeStart = offset + indent.length + fieldName.length + gap.length;
  const lsidShape = namedSubject(name, 'lsid');
  if (lsidShape && (lsidShape === 'collection') === (modifier === '[]') && NUMERIC_TYPES.has(type)) {
    return [{ subject: 'lsid', kind: 'numeric-type', span: { start: typeStart, end: typeStart + type.length }, construct: `${fieldName} ${type}${modifier ?? ''}`, origin: name }];
  }
  const unique = /@(unique|id)\b/.exec(attributes);
  if (namedSubject(name, 'lseq') === 'value' && unique) {
    const start = typeStart + type.length + (field[5]?.length ?? 0) + unique.index;
    return [{ subject: 'lseq', kind: 'unique-key', span: { start, end: start + unique[0].length }, construct: `unique column (${name} ${type} ${unique[0]})`, origin: name }];
  }
  return [];
}
