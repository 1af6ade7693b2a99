'use strict';
// Sign-in, sign-out and the hash router (#/page/id?filters): the address bar holds pages and filters,
// never a key or a token.
window.Console = window.Console || {};

(function () {
  const $ = (id) => document.getElementById(id);
  let renderCount = 0;

  function showSignIn(text, kind) {
    Console.session = null;
    $('nav').hidden = true;
    $('who').hidden = true;
    $('sign-out').hidden = true;
    $('page').hidden = true;
    $('page').replaceChildren();
    $('sign-in').hidden = false;
    const message = $('sign-in-message');
    message.hidden = !text;
    message.textContent = text || '';
    message.className = 'message ' + (kind || '');
    $('key').focus();
  }

  /** Called by Console.call on any 401: the session is gone, whatever the page was doing. */
  Console.sessionEnded = function (err) {
    if (!Console.session) return;
    showSignIn('Your session has ended (' + err.message + '). Sign in again.', '');
  };

  function signedIn(session) {
    Console.session = session;
    $('sign-in').hidden = true;
    $('nav').hidden = false;
    $('who').hidden = false;
    $('who').textContent = session.role === 'admin' ? 'Signed in: admin' : 'Signed in: viewer (read only)';
    $('sign-out').hidden = false;
    $('page').hidden = false;
    if (!location.hash || location.hash === '#' || location.hash === '#/') location.hash = '#/overview';
    else render();
  }

  async function signIn(event) {
    event.preventDefault();
    const input = $('key');
    const key = input.value.trim();
    // the key leaves the page's memory at once: it is sent in this one request's header and forgotten
    input.value = '';
    if (!key) { showSignIn('Enter a key.', ''); return; }
    $('sign-in-button').disabled = true;
    try {
      signedIn(await Console.call('POST', '/console/session', { key, signingIn: true }));
    } catch (err) {
      showSignIn(err.status === 401 ? 'That key is neither an admin nor a viewer key.' : Console.describeError(err), '');
    } finally {
      $('sign-in-button').disabled = false;
    }
  }

  async function signOut() {
    try {
      await Console.call('DELETE', '/console/session');
      showSignIn('Signed out.', 'ok');
    } catch (err) {
      if (Console.session) showSignIn('Signed out here; the bundle said: ' + Console.describeError(err), 'info');
    }
  }

  function route() {
    const hash = location.hash.replace(/^#\/?/, '');
    const [path, query] = hash.split('?');
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    return { page: parts[0] || 'overview', id: parts[1] || null, params: new URLSearchParams(query || '') };
  }

  async function render() {
    if (!Console.session) return;
    const { page, id, params } = route();
    const draw = Console.pages[page];
    for (const a of document.querySelectorAll('#nav a')) {
      if (a.dataset.page === page) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    }
    const container = $('page');
    const mine = ++renderCount;
    const view = Console.h('div', { 'data-page': page });
    container.replaceChildren(view);
    if (!draw) { view.append(Console.message('There is no page "' + page + '".')); return; }
    try {
      await draw(view, params, id);
    } catch (err) {
      // a newer page has replaced this one, or the session ended (already back at sign-in)
      if (mine !== renderCount || !Console.session) return;
      view.append(Console.message(Console.describeError(err)));
    }
    if (mine === renderCount) view.setAttribute('data-loaded', 'true');
  }
  Console.render = render;

  /** Goes to a hash route; re-renders when it is the one already shown (e.g. after an action). */
  Console.go = function (hash) {
    if (location.hash === hash) render(); else location.hash = hash;
  };

  document.addEventListener('DOMContentLoaded', async () => {
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    // a new page takes the keyboard focus to its content, as a page load would (the nav stays one Tab back)
    window.addEventListener('hashchange', () => { $('main').focus({ preventScroll: true }); render(); });
    try {
      signedIn(await Console.call('GET', '/console/session', { signingIn: true }));
    } catch (err) {
      showSignIn(err.status === 401 ? '' : Console.describeError(err), '');
    }
  });
})();
