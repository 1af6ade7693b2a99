'use strict';
// DOM helpers of the console. Every value from the bundle goes in as text (textContent), never as HTML,
// so nothing stored in an order, a webhook or an error can run as script here.
window.Console = window.Console || {};
Console.pages = Console.pages || {}; // page name -> async (container, params, id)

Console.h = function (tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
};

/** A link inside the console (hash route), e.g. link('#/orders?status=failed', '3'). */
Console.link = (href, text, attrs) => Console.h('a', Object.assign({ href }, attrs || {}), text);

Console.text = (value) => (value === null || value === undefined || value === '' ? '—' : String(value));

/** A table of rows; columns are [heading, row => cell (text or node), {num: true}]. */
Console.table = function (columns, rows, emptyText, attrs) {
  if (!rows || rows.length === 0) return Console.h('p', { class: 'empty' }, emptyText);
  const h = Console.h;
  return h('table', attrs || {},
    h('thead', {}, h('tr', {}, columns.map(([heading]) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map(([, cell, opts]) => {
      const value = cell(row);
      return h('td', { class: opts && opts.num ? 'num' : null }, value instanceof Node ? value : Console.text(value));
    })))));
};

/** Label/value pairs. */
Console.fields = (pairs) => Console.h('dl', { class: 'fields' },
  pairs.flatMap(([label, value]) => [Console.h('dt', {}, label),
    Console.h('dd', {}, value instanceof Node ? value : Console.text(value))]));

/** A message box: kind is '' (error), 'info' or 'ok'. */
Console.message = (text, kind) => Console.h('p', { class: 'message ' + (kind || ''), role: kind ? 'status' : 'alert' }, text);

/** How a failed call reads: the bundle's JSON error, or that it could not be reached. */
Console.describeError = function (err) {
  if (err && err.code && err.status >= 500) {
    return 'The bundle could not answer (a server or database problem; its log has the details): ' + err.message
      + ' (' + err.code + ', HTTP ' + err.status + ')';
  }
  if (err && err.code) return err.message + ' (' + err.code + (err.status ? ', HTTP ' + err.status : '') + ')';
  return 'The bundle could not be reached or answered something unreadable: ' + (err && err.message ? err.message : err);
};

Console.when = (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '—');

/**
 * Asks before a change; resolves true only when the operator confirms. The native dialog traps focus,
 * starts on Cancel and closes with Escape, so a stray Enter never confirms.
 */
Console.confirm = function (title, text, okLabel) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = okLabel || 'Confirm';
  dialog.returnValue = 'cancel';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
};

/** A form field with its label. */
Console.field = function (label, input) {
  const id = input.id || ('f-' + Math.random().toString(36).slice(2));
  input.id = id;
  return Console.h('div', {}, Console.h('label', { for: id }, label), input);
};
