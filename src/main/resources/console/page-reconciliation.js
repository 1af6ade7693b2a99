'use strict';
// Reconciliation: when did the bundle last compare itself with the upstreams, what did it find, and
// which orders hold money or have stopped moving?
(function () {
  const { h, link } = Console;

  function orders(rows, empty, id) {
    return Console.table([
      ['order', (o) => link('#/orders/' + o.id, o.id, { class: 'mono' })], ['provider', (o) => o.provider],
      ['status', (o) => o.status], ['provider status', (o) => o.provider_status],
      ['amount', (o) => (o.crypto_amount ? o.crypto_amount + ' ' + o.crypto_currency : null), { num: true }],
      ['next action', (o) => o.next_action], ['since', (o) => Console.when(o.since)],
      ['age (min)', (o) => o.age_minutes, { num: true }]], rows, empty, { id });
  }

  Console.pages.reconciliation = async function (view) {
    view.append(h('h1', {}, 'Reconciliation'));
    const result = h('div', { id: 'run-result' });
    if (Console.canChange()) {
      const button = h('button', { type: 'button', id: 'run-now' }, 'Run now…');
      button.addEventListener('click', async () => {
        if (!(await Console.confirm('Start a reconciliation run?', 'Every open order is compared with its upstream now; differences go through the status router.', 'Start run'))) return;
        button.disabled = true;
        try {
          const r = await Console.post('/admin/reconciliation/run');
          Console.go('#/reconciliation');
          document.getElementById('page').prepend(Console.message('Run #' + r.run_id + ' started.', 'ok'));
        } catch (err) {
          button.disabled = false;
          result.replaceChildren(Console.message(err.code === 'run_in_progress'
            ? 'A run is already going; wait for it to finish.' : 'Could not start a run: ' + Console.describeError(err)));
        }
      });
      view.append(h('div', { class: 'panel' }, button, result));
    }
    const [runs, stuck, orphans] = await Promise.all([Console.get('/admin/reconciliation/runs?limit=20'),
      Console.get('/admin/reconciliation/stuck?limit=100'), Console.get('/admin/reconciliation/orphans?limit=100')]);
    view.append(h('h2', {}, 'Runs'));
    view.append(Console.table([
      ['run', (r) => '#' + r.id], ['status', (r) => r.status], ['trigger', (r) => r.trigger],
      ['started', (r) => Console.when(r.started_at)], ['finished', (r) => Console.when(r.finished_at)],
      ['checked', (r) => r.orders_checked, { num: true }], ['changes applied', (r) => r.changes_applied, { num: true }],
      ['orphans', (r) => r.orphans, { num: true }], ['stuck', (r) => r.stuck, { num: true }],
      ['in escrow', (r) => r.money_in_escrow, { num: true }], ['errors', (r) => r.errors, { num: true }],
      ['detail', (r) => r.error_detail]], runs.runs, 'No reconciliation run yet.', { id: 'runs' }));
    view.append(h('h2', {}, 'Money in escrow'));
    view.append(orders(stuck.money_in_escrow, 'No order holds crypto in escrow waiting for a refund.', 'escrow'));
    view.append(h('h2', {}, 'Stuck orders (unchanged for ' + stuck.stuck_after_minutes + ' minutes or more)'));
    view.append(orders(stuck.stuck, 'No open order is stuck.', 'stuck'));
    view.append(h('h2', {}, 'Orphans (orders an upstream lists that the bundle does not hold)'));
    view.append(Console.table([
      ['provider', (o) => o.provider], ['provider\'s order', (o) => h('span', { class: 'mono' }, o.provider_order_id)],
      ['provider status', (o) => o.provider_status], ['first seen', (o) => Console.when(o.first_seen_at) + ' (run #' + o.first_seen_run + ')'],
      ['last seen in run', (o) => '#' + o.last_seen_run]], orphans.orphans, 'No orphan: every order the upstreams list is one of ours.',
    { id: 'orphans' }));
  };
})();
