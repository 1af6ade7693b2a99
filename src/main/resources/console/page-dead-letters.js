'use strict';
// Dead letters: what failed after the bundle took it on, and can it be done again now?
(function () {
  const { h, link } = Console;

  async function list(view, params) {
    view.append(h('h1', {}, 'Dead letters'));
    const status = params.get('status') || '';
    const kind = params.get('kind') || '';
    const form = h('form', { class: 'filters panel', id: 'dead-letter-filters' },
      Console.field('Status', h('select', { id: 'dl-status', name: 'status' }, ['', 'open', 'replayed', 'resolved'].map((v) =>
        h('option', { value: v, selected: v === status }, v || 'any')))),
      Console.field('Kind', h('select', { id: 'dl-kind', name: 'kind' }, ['', 'webhook', 'upstream_call', 'event_delivery'].map((v) =>
        h('option', { value: v, selected: v === kind }, v || 'any')))),
      h('button', { type: 'submit' }, 'Filter'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      Console.go('#/dead-letters' + Console.query({ status: form.elements.status.value, kind: form.elements.kind.value }));
    });
    view.append(form);
    const r = await Console.get('/admin/dead-letters' + Console.query({ status, kind, limit: 100 }));
    view.append(Console.table([
      ['id', (d) => link('#/dead-letters/' + d.id, '#' + d.id)], ['kind', (d) => d.kind], ['provider', (d) => d.provider],
      ['status', (d) => d.status], ['reason', (d) => d.reason], ['failures', (d) => d.failures, { num: true }],
      ['order', (d) => (d.order_id ? link('#/orders/' + d.order_id, d.order_id, { class: 'mono' }) : null)],
      ['last failed', (d) => Console.when(d.last_failed_at)]],
    r.dead_letters, status === 'open' ? 'No open dead letter: nothing is waiting to be replayed.' : 'No dead letter matches.',
    { id: 'dead-letters' }));
  }

  /** A JSON body indented for reading; any other text as it is. */
  function pretty(body) {
    try { return JSON.stringify(JSON.parse(body), null, 2); } catch (e) { return body; }
  }

  async function one(view, id) {
    view.append(h('p', {}, link('#/dead-letters', '← all dead letters')));
    const d = await Console.get('/admin/dead-letters/' + encodeURIComponent(id));
    view.append(h('h1', {}, 'Dead letter #' + d.id));
    const result = h('div', { id: 'replay-result' });
    const panel = h('div', { class: 'panel', id: 'dead-letter' }, Console.fields([
      ['status', h('span', { id: 'dead-letter-status' }, d.status)], ['kind', d.kind], ['provider', d.provider],
      ['reason', d.reason], ['failures', d.failures],
      ['order', d.order_id ? link('#/orders/' + d.order_id, d.order_id) : null],
      ['webhook inbox id', d.inbox_id ? link('#/inbox', String(d.inbox_id)) : null],
      ['request', d.request ? d.request.method + ' ' + d.request.path : null],
      // an event delivery whose retries ran out (issue 19's event_delivery dead letters)
      ['event', d.event ? d.event.type + ' ' + d.event.id + ' to ' + d.event.destination : null],
      ['created', Console.when(d.created_at)], ['last failed', Console.when(d.last_failed_at)],
      ['replayed', Console.when(d.replayed_at)]]));
    if (d.request && d.request.body) panel.append(h('h2', {}, 'Request body'), h('pre', { id: 'request-body' }, pretty(d.request.body)));
    if (Console.canChange() && d.status === 'open') {
      const button = h('button', { type: 'button', id: 'replay', class: 'danger' }, 'Replay…');
      button.addEventListener('click', async () => {
        const what = d.kind === 'webhook' ? 'process the stored webhook again'
          : d.event ? 'deliver event ' + d.event.id + ' to ' + d.event.destination + ' again' : 'send ' + (d.request ? d.request.method + ' ' + d.request.path : 'the call') + ' to ' + d.provider + ' again';
        if (!(await Console.confirm('Replay dead letter #' + d.id + '?', 'This will ' + what + '. Its result goes through the status router like any change.', 'Replay'))) return;
        button.disabled = true;
        try {
          const r = await Console.post('/admin/dead-letters/' + encodeURIComponent(d.id) + '/replay');
          result.replaceChildren(Console.message('Replayed: the dead letter is now ' + r.status + '.', 'ok'));
          document.getElementById('dead-letter-status').textContent = r.status;
          button.remove();
        } catch (err) {
          button.disabled = false;
          result.replaceChildren(Console.message('Replay failed: ' + Console.describeError(err)));
        }
      });
      panel.append(h('div', { class: 'actions' }, button));
    } else if (d.status === 'open') {
      panel.append(h('p', { class: 'muted' }, 'Replaying needs an admin key.'));
    }
    view.append(panel, result);
  }

  Console.pages['dead-letters'] = (view, params, id) => (id ? one(view, id) : list(view, params));
})();
