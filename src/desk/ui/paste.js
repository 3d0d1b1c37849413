// Pasted HTML (Word, WPS, web pages) becomes clean Markdown: headings, bold,
// italics, lists (Word's `mso-list` paragraphs included), tables and links are
// kept; styles, fonts, colours, classes, comments, Office XML and scripts are
// dropped, because Markdown has no place for them. Pictures become
// placeholders the editor uploads (`data:` pictures) or reports (pictures
// Word only names by a local file path).
//
// The HTML is parsed by DOMParser into an inert document: nothing in it runs
// or loads.

const BLOCK = new Set([
  'P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'TABLE', 'BLOCKQUOTE',
  'PRE', 'HR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'NAV', 'ASIDE', 'FIGURE',
  'FIGCAPTION', 'DL', 'DT', 'DD', 'CENTER', 'ADDRESS', 'FORM', 'FIELDSET', 'DETAILS', 'SUMMARY',
  'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION',
]);
const DROP = new Set([
  'SCRIPT', 'STYLE', 'META', 'LINK', 'TITLE', 'HEAD', 'XML', 'O:P', 'NOSCRIPT', 'TEMPLATE',
  'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'CANVAS',
  'V:SHAPETYPE', 'V:SHAPE', 'W:SDT',
]);
const BLOCK_SELECTOR = [...BLOCK].map((t) => t.toLowerCase()).join(',');
export const IMAGE_PLACEHOLDER = 'nb-paste-image-';

function styleOf(el) {
  return (el.getAttribute && el.getAttribute('style')) || '';
}

function isBold(el) {
  const tag = el.tagName;
  const weight = /font-weight\s*:\s*([a-z0-9]+)/i.exec(styleOf(el));
  if (weight) return weight[1] === 'bold' || weight[1] === 'bolder' || Number(weight[1]) >= 600;
  return tag === 'B' || tag === 'STRONG';
}

function isItalic(el) {
  const style = /font-style\s*:\s*([a-z]+)/i.exec(styleOf(el));
  if (style) return style[1] === 'italic' || style[1] === 'oblique';
  return el.tagName === 'I' || el.tagName === 'EM';
}

function escapeText(text) {
  return text.replace(/[\\`*_[\]<]/g, (c) => `\\${c}`);
}

/// A line that would start a Markdown block by accident gets a backslash.
function escapeLineStart(line) {
  return line
    .replace(/^(\s*)([#>+-])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])(?=\s)/, '$1$2\\$3');
}

/// Wraps `inner` in `mark` with the spaces moved outside, so `** x**` never
/// happens; empty text gets no marks.
function wrap(inner, mark) {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  if (!m[2]) return inner;
  return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
}

function safeHref(href) {
  const value = (href || '').trim();
  if (!value || value.startsWith('#')) return null;
  if (/^(https?:|mailto:|tel:|\/|\.\.?\/|@\/)/i.test(value)) return value;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return null; // javascript:, file:, data:, vbscript:…
  return value;
}

class Converter {
  constructor() {
    this.images = [];
  }

  image(el) {
    const src = el.getAttribute('src') || '';
    const alt = (el.getAttribute('alt') || '').replace(/[[\]\n]/g, ' ').trim();
    const index = this.images.length;
    this.images.push({ index, src, alt });
    return `![${alt}](${IMAGE_PLACEHOLDER}${index})`;
  }

  /// The Markdown of `node`'s inline content, on one logical line (hard
  /// breaks are `\` + newline).
  inline(node) {
    let out = '';
    for (const child of node.childNodes) out += this.inlineNode(child);
    return out;
  }

  inlineNode(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      return escapeText(node.data.replace(/[\s\u00a0]+/g, ' '));
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const tag = node.tagName.toUpperCase();
    if (DROP.has(tag) || isHidden(node)) return '';
    if (/mso-list\s*:\s*ignore/i.test(styleOf(node))) return '';
    if (tag === 'BR') return '\\\n';
    if (tag === 'IMG') return this.image(node);
    if (tag === 'CODE' || tag === 'KBD' || tag === 'SAMP') {
      const code = node.textContent.replace(/\s+/g, ' ');
      return code ? `\`${code.replace(/`/g, "'")}\`` : '';
    }
    let inner = this.inline(node);
    if (tag === 'A') {
      const href = safeHref(node.getAttribute('href'));
      const text = inner.trim();
      if (href && text) return `[${text.replace(/\n/g, ' ')}](${href.replace(/[\s()]/g, encodeURIComponent)})`;
      return inner;
    }
    if (isBold(node) && !/\*\*/.test(inner)) inner = wrap(inner, '**');
    if (isItalic(node) && !/(^|[^*])\*([^*]|$)/.test(inner)) inner = wrap(inner, '*');
    if (tag === 'S' || tag === 'STRIKE' || tag === 'DEL') inner = wrap(inner, '~~');
    return inner;
  }

  /// Markdown blocks (strings without blank lines around them) of a node
  /// that may hold both blocks and inline runs.
  blocks(node) {
    const out = [];
    let run = null; // a synthetic paragraph collecting inline children
    const flush = () => {
      if (run) {
        const text = paragraph(this.inline(run));
        if (text) out.push(text);
        run = null;
      }
    };
    const children = [...node.childNodes];
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i];
      if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (DROP.has(tag) || isHidden(child)) continue;
        if (isWordListItem(child)) {
          flush();
          const items = [];
          while (i < children.length) {
            const c = children[i];
            if (c.nodeType === Node.ELEMENT_NODE && isWordListItem(c)) {
              items.push(c);
            } else if (!(c.nodeType === Node.TEXT_NODE && !c.data.trim()) && c.nodeType !== Node.COMMENT_NODE) {
              break;
            }
            i += 1;
          }
          i -= 1;
          out.push(this.wordList(items));
          continue;
        }
        if (BLOCK.has(tag)) {
          flush();
          out.push(...this.block(child));
          continue;
        }
        if (child.querySelector(BLOCK_SELECTOR)) {
          // An inline element around blocks (Google Docs wraps a whole
          // document in <b style="font-weight:normal">): a container.
          flush();
          out.push(...this.blocks(child));
          continue;
        }
      }
      if (!run) run = document.createElement('span');
      run.append(child.cloneNode(true));
    }
    flush();
    return out.filter((b) => b.trim() !== '');
  }

  block(el) {
    const tag = el.tagName.toUpperCase();
    const heading = /^H([1-6])$/.exec(tag) || wordHeading(el);
    if (heading) {
      // The page's own title is the one h1; pasted headings start one below.
      const level = Math.min(6, Number(heading[1]) + 1);
      const text = this.inline(el).replace(/\\\n/g, ' ').replace(/\*\*/g, '').trim();
      return text ? [`${'#'.repeat(level)} ${text}`] : [];
    }
    switch (tag) {
      case 'P':
        return [paragraph(this.inline(el))];
      case 'UL':
      case 'OL':
        return [this.list(el, tag === 'OL', 0)];
      case 'LI':
        return [this.list(el.parentNode || el, false, 0)];
      case 'TABLE':
        return [this.table(el)];
      case 'BLOCKQUOTE':
        return [this.blocks(el).join('\n\n').split('\n').map((l) => `> ${l}`.trimEnd()).join('\n')];
      case 'PRE': {
        const code = el.textContent.replace(/\n$/, '');
        const fence = code.includes('```') ? '~~~' : '```';
        return [`${fence}\n${code}\n${fence}`];
      }
      case 'HR':
        return ['---'];
      default:
        return this.blocks(el);
    }
  }

  list(el, ordered, depth) {
    const lines = [];
    let n = 1;
    for (const li of el.children) {
      if (li.tagName.toUpperCase() !== 'LI') continue;
      const marker = ordered ? `${n}. ` : '- ';
      n += 1;
      const indent = ' '.repeat(depth);
      const own = document.createElement('span');
      const nested = [];
      for (const c of li.childNodes) {
        if (c.nodeType === Node.ELEMENT_NODE && /^(UL|OL)$/i.test(c.tagName)) nested.push(c);
        else own.append(c.cloneNode(true));
      }
      const blocks = this.blocks(own);
      const text = blocks.join(' ').replace(/\n+/g, ' ').trim();
      lines.push(`${indent}${marker}${text}`);
      for (const sub of nested) {
        lines.push(this.list(sub, sub.tagName.toUpperCase() === 'OL', depth + marker.length));
      }
    }
    return lines.join('\n');
  }

  /// Word writes a list as paragraphs with `mso-list: l0 level2 lfo1` and the
  /// bullet or number as text in an `mso-list: Ignore` span.
  wordList(items) {
    const lines = [];
    const counters = [];
    for (const p of items) {
      const level = Number((/level(\d+)/i.exec(styleOf(p)) || [0, 1])[1]);
      const markerEl = [...p.querySelectorAll('span')].find((s) => /mso-list\s*:\s*ignore/i.test(styleOf(s)));
      let marker = markerEl ? markerEl.textContent : '';
      let text = paragraph(this.inline(p)).replace(/\n+/g, ' ');
      if (!markerEl) {
        const m = /^\s*(\S{1,4}?[.)、．]|[·•▪§o-])\s+/.exec(text);
        if (m) {
          marker = m[1];
          text = text.slice(m[0].length);
        }
      }
      marker = marker.replace(/\u00a0/g, ' ').trim();
      const ordered = /^(\(?\d+\)?|[a-z]|[ivxlc]+|[一二三四五六七八九十]+)[.)、．]?$/i.test(marker) && marker !== 'o';
      counters.length = level;
      counters[level - 1] = (counters[level - 1] || 0) + 1;
      const indent = '   '.repeat(level - 1);
      lines.push(`${indent}${ordered ? `${counters[level - 1]}. ` : '- '}${text.replace(/^\\([#>+-])/, '$1').trim()}`);
    }
    return lines.join('\n');
  }

  table(el) {
    const rows = [];
    for (const tr of el.querySelectorAll('tr')) {
      if (tr.closest('table') !== el) continue;
      const cells = [];
      for (const cell of tr.children) {
        if (!/^(TD|TH)$/i.test(cell.tagName)) continue;
        const text = this.blocks(cell)
          .join(' ')
          .replace(/\\\n/g, ' ')
          .replace(/\n+/g, ' ')
          .replace(/\|/g, '\\|')
          .trim();
        cells.push(text);
        const span = Math.min(20, Number(cell.getAttribute('colspan')) || 1);
        for (let k = 1; k < span; k += 1) cells.push('');
      }
      if (cells.length) rows.push(cells);
    }
    if (!rows.length) return '';
    const width = Math.max(...rows.map((r) => r.length));
    const line = (r) => `| ${[...r, ...Array(width - r.length).fill('')].join(' | ')} |`;
    const out = [line(rows[0]), `|${' --- |'.repeat(width)}`];
    for (const r of rows.slice(1)) out.push(line(r));
    return out.join('\n');
  }
}

function isHidden(el) {
  return /display\s*:\s*none|mso-hide\s*:\s*all/i.test(styleOf(el));
}

function isWordListItem(el) {
  return el.tagName && el.tagName.toUpperCase() === 'P' && /mso-list\s*:\s*l\d+/i.test(styleOf(el));
}

function wordHeading(el) {
  const cls = (el.getAttribute && el.getAttribute('class')) || '';
  if (/^MsoTitle$/i.test(cls)) return [cls, '1'];
  return /^MsoHeading([1-6])$/i.exec(cls);
}

/// Inline Markdown tidied into a paragraph: trimmed lines, no empty result
/// from a paragraph of spaces, no accidental block markers.
function paragraph(text) {
  return text
    .split('\n')
    .map((l) => escapeLineStart(l.replace(/^ +| +$/g, '')))
    .join('\n')
    .replace(/^\\\n|\\\n$/g, '')
    .trim();
}

/// `{markdown, images: [{index, src, alt}]}` for a clipboard's HTML.
export function htmlToMarkdown(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const converter = new Converter();
  const blocks = converter.blocks(doc.body);
  const markdown = blocks.join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
  return { markdown, images: converter.images };
}

/// A `data:` URL as a File, for upload; null for anything else.
export function dataUrlToFile(src, index) {
  const m = /^data:(image\/(png|jpeg|gif|webp));base64,(.*)$/i.exec(src || '');
  if (!m) return null;
  const bytes = Uint8Array.from(atob(m[3]), (c) => c.charCodeAt(0));
  const ext = m[2].toLowerCase() === 'jpeg' ? 'jpg' : m[2].toLowerCase();
  return new File([bytes], `${pastedName(index)}.${ext}`, { type: m[1] });
}

/// A file name for a pasted picture that no other paste gets.
export function pastedName(index) {
  return `pasted-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}-${index + 1}`;
}
