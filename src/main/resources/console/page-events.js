'use strict';
// Events: has the business been told of every change? Deliveries, redelivery, and recovery from a point
// in time.
(function () {
  const { h } = Console;

  function recoverForm(result) {
    const since = h('input', { id: 'recover-since', name: 'since', size: 26, placeholder: '2026-12-04T00:00:00Z', required: true });
    const form = h('form', { class: 'filters', id: 'recover' },
      Console.field('Send again every delivery that failed for good since (ISO-8601, with offset)', since),
      h('button', { type: 'submit' }, 'Recover…'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const value = since.value.trim();
      if (!(await Console.confirm('Recover failed deliveries since ' + value + '?', 'Every delivery whose retries ran out since then '
        + 'is sent again from its first attempt, with the same webhook-id (the business dedupes on it).', 'Recover'))) return;
      try {
        const r = await Console.post('/admin/events/recover' + Console.query({ since: value }));
        result.replaceChildren(Console.message('Recovery started: ' + r.recovered + ' failed deliveries since ' + r.since
          + ' will be sent again.', 'ok'));
      } catch (err) {
        result.replaceChildren(Console.message(err.status === 404 || err.status === 405
          ? 'This bundle has no POST /admin/events/recover yet (HTTP ' + err.status + ').' : 'Recovery failed: ' + Console.describeError(err)));
      }
    });
    return form;
  }

  Console.pages.events = async function (view, params) {
    view.append(h('h1', {}, 'Event deliveries'));
    const status = params.get('status') || '';
    const result = h('div', { id: 'events-result' });
    const form = h('form', { class: 'filters panel', id: 'delivery-filters' },
      Console.field('Status', h('select', { name: 'status', id: 'delivery-status' }, ['', 'pending', 'delivered', 'failed'].map((v) =>
        h('option', { value: v, selected: v === status }, v || 'any')))),
      h('button', { type: 'submit' }, 'Filter'));
    form.addEventListener('submit', (e) => { e.preventDefault(); Console.go('#/events' + Console.query({ status: form.elements.status.value })); });
    view.append(form);
    if (Console.canChange()) view.append(h('div', { class: 'panel' }, recoverForm(result)));
    view.append(result);
    const r = await Console.get('/admin/events/deliveries' + Console.query({ status, limit: 100 }));
    const columns = [
      ['event', (d) => h('span', { class: 'mono' }, d.event_id)], ['type', (d) => d.type], ['destination', (d) => d.destination],
      ['status', (d) => d.status], ['attempts', (d) => d.attempts, { num: true }], ['next attempt', (d) => Console.when(d.next_attempt_at)],
      ['last answer', (d) => d.last_status], ['last error', (d) => d.last_error], ['created', (d) => Console.when(d.created_at)]];
    if (Console.canChange()) {
      columns.push(['', (d) => {
        const button = h('button', { type: 'button', class: 'secondary' }, 'Redeliver…');
        button.addEventListener('click', async () => {
          if (!(await Console.confirm('Redeliver event ' + d.event_id + '?', 'It is sent again from its first attempt, with the same webhook-id.', 'Redeliver'))) return;
          try {
            await Console.post('/admin/events/' + encodeURIComponent(d.event_id) + '/redeliver');
            result.replaceChildren(Console.message('Event ' + d.event_id + ' will be delivered again.', 'ok'));
          } catch (err) {
            result.replaceChildren(Console.message('Redelivery failed: ' + Console.describeError(err)));
          }
        });
        return button;
      }]);
    }
    view.append(Console.table(columns, r.deliveries, status === 'pending' ? 'Nothing waits to be delivered.' : 'No delivery matches.', { id: 'deliveries' }));
  };
})();
