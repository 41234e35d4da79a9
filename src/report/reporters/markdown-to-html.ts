import { closingRun } from './common.js';

/**
 * A small Markdown → HTML converter for the rule pages (rules/<category>/<id>.md) shown in the HTML
 * report. It covers what those pages use: ATX headings, paragraphs, `-`/`*` and numbered lists,
 * fenced code, GFM tables, block quotes, inline code, links, bold and italics. Everything is escaped
 * first; raw HTML in the source is shown as text. Links are kept only for http(s), mailto and
 * in-page anchors.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface MarkdownToHtmlOptions {
  /** Added to heading levels, so a page's `#` can become an `<h3>` inside a section (default 0). */
  headingOffset?: number;
  /** Rewrites a link target (e.g. a rule page URL to an in-page anchor); return undefined to keep it. */
  rewriteLink?(href: string): string | undefined;
}

export function markdownToHtml(markdown: string, options: MarkdownToHtmlOptions = {}): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  const heading = (level: number) => Math.min(6, level + (options.headingOffset ?? 0));
  const inlineHtml = (text: string) => renderInline(text, options);
  while (i < lines.length) {
    const line = lines[i]!;
    const fence = /^\s*(`{3,}|~{3,})\s*([\w+-]*)\s*$/.exec(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(fence[1]!)) body.push(lines[i++]!);
      i++;
      const lang = fence[2] ? ` class="language-${escapeHtml(fence[2])}"` : '';
      out.push(`<pre><code${lang}>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const atx = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      const level = heading(atx[1]!.length);
      out.push(`<h${level}>${inlineHtml(atx[2]!)}</h${level}>`);
      i++;
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(lines[i + 1]!)) {
      const cells = (row: string) => splitRow(row).map((cell) => inlineHtml(cell));
      const head = cells(line);
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i]!)) rows.push(cells(lines[i++]!));
      out.push(
        `<table><thead><tr>${head.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>${rows
          .map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
      continue;
    }
    const listMarker = /^(\s*)([-*+]|\d+[.)])\s+/;
    if (listMarker.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim()) {
        const marker = listMarker.exec(lines[i]!);
        if (marker && marker[1]!.length < 2) items.push(lines[i]!.slice(marker[0].length));
        else if (items.length) items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
        // A blank line followed by another item continues the list.
        if (i + 1 < lines.length && !lines[i]?.trim() && listMarker.test(lines[i + 1]!)) i++;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>${items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`);
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i]!)) quoted.push(lines[i++]!.replace(/^\s*>\s?/, ''));
      out.push(`<blockquote>${markdownToHtml(quoted.join('\n'), options)}</blockquote>`);
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !/^\s*(`{3,}|~{3,}|#{1,6}\s|>)/.test(lines[i]!) && !(paragraph.length && listMarker.test(lines[i]!))) {
      paragraph.push(lines[i++]!.trim());
    }
    out.push(`<p>${inlineHtml(paragraph.join(' '))}</p>`);
  }
  return out.join('\n');
}

function splitRow(row: string): string[] {
  const trimmed = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells: string[] = [];
  let current = '';
  let code = false;
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i]!;
    if (ch === '\\' && trimmed[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '`') {
      code = !code;
      current += ch;
    } else if (ch === '|' && !code) {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}

function safeHref(href: string, options: MarkdownToHtmlOptions): string | undefined {
  const rewritten = options.rewriteLink?.(href) ?? href;
  return /^(https?:|mailto:|#)/i.test(rewritten) ? rewritten : undefined;
}

/** Inline Markdown, scanned left to right: code spans (literal), links (labels may hold code), then emphasis on escaped text. */
function renderInline(text: string, options: MarkdownToHtmlOptions, allowLinks = true): string {
  let out = '';
  let plain = '';
  const flush = () => {
    out += emphasis(escapeHtml(plain));
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = closingRun(text, i + run.length, run.length);
      if (close !== -1) {
        flush();
        const body = text.slice(i + run.length, close);
        out += `<code>${escapeHtml(/^ .* $/.test(body) && body.trim() ? body.slice(1, -1) : body)}</code>`;
        i = close + run.length;
        continue;
      }
      plain += run;
      i += run.length;
      continue;
    }
    if (ch === '[' && allowLinks) {
      const link = /^\[((?:`[^`]*`|[^\]`])+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/.exec(text.slice(i));
      if (link) {
        flush();
        const label = renderInline(link[1]!, options, false);
        const href = safeHref(link[2]!, options);
        out += href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
        i += link[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}


function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1<em>$2</em>')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>');
}
