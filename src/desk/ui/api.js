// The desk's side of the HTTP contract (/_desk/api/…), and a tiny element
// builder so no HTML is ever assembled from strings.

/// An error from the server, or the network: `code`, `message`, and where the
/// server says so the `field` and `line` it concerns; `status` 0 means the
/// server could not be reached.
export class ApiError extends Error {
  constructor(status, body) {
    const e = (body && body.error) || {};
    super(e.message || `HTTP ${status}`);
    this.status = status;
    this.code = e.code || '';
    this.field = e.field;
    this.line = e.line;
    this.body = body;
  }
}

async function parse(response) {
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { error: { message: text.slice(0, 200) } };
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

async function send(method, path, body) {
  let response;
  try {
    response = await fetch(`/_desk/api/${path}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, { error: { message: String(e.message || e) } });
  }
  return parse(response);
}

export function get(path, params) {
  const query = params ? `?${new URLSearchParams(params)}` : '';
  return send('GET', path + query);
}

export function post(path, body) {
  return send('POST', path, body ?? {});
}

/// Uploads one file as multipart `files[]` to `path`, with the text
/// `fields` beside it, reporting progress (0…1) as it goes; XMLHttpRequest
/// because fetch has no upload progress.
export function upload(path, file, onProgress, fields = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/_desk/api/${path}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText || 'null');
      } catch {
        body = { error: { message: xhr.responseText.slice(0, 200) } };
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, { error: { message: 'network' } }));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('files[]', file, file.name);
    xhr.send(form);
  });
}

/// `h('button', {class: 'x', onclick: f}, 'text', child)`: an element with
/// attributes (on… are listeners, `false`/`null` leave the attribute out) and
/// children (strings become text nodes).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'value' && 'value' in el) {
      el.value = value;
    } else if (key === 'checked') {
      el.checked = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/// A unique id for label/for pairs.
let counter = 0;
export function uid(prefix = 'f') {
  counter += 1;
  return `${prefix}-${counter}`;
}
