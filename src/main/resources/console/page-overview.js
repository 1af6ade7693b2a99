'use strict';
// Overview: how is the bundle doing? Each number links to the list behind it; each tile loads on its
// own, so one failing source shows its error without hiding the rest.
(function () {
  const { h, link } = Console;
  const STATUSES = ['creation_unconfirmed', 'created', 'awaiting_action', 'processing', 'on_hold', 'disputed',
    'completed', 'cancelled', 'expired', 'failed', 'refund_pending', 'refunded'];
  const CAP = 200;

  const count = (items, cap) => (items.length >= cap ? cap + '+' : String(items.length));

  /** "150.5 USDT, 0.2 ETH": the crypto held, per currency (decimal strings added as numbers: an overview, not a ledger). */
  function sums(orders) {
    const by = {};
    for (const o of orders) by[o.crypto_currency] = (by[o.crypto_currency] || 0) + Number(o.crypto_amount || 0);
    return Object.entries(by).map(([c, n]) => +n.toFixed(8) + ' ' + c).join(', ');
  }

  function tile(what, load) {
    const n = h('span', { class: 'n' }, '…');
    const t = h('div', { class: 'tile' }, n, h('span', { class: 'what' }, what));
    load().then((node) => n.replaceChildren(node)).catch((err) => {
      n.replaceChildren('!');
      t.append(Console.message(Console.describeError(err)));
    });
    return t;
  }

  const total = (query) => Console.get('/api/v1/orders' + Console.query(Object.assign({ limit: 1 }, query)))
    .then((r) => r.pagination.total_count);

  Console.pages.overview = async function (view) {
    view.append(h('h1', {}, 'Overview'));
    view.append(h('h2', {}, 'Needs attention'));
    const stuck = Console.get('/admin/reconciliation/stuck?limit=100');
    const lastRun = Console.get('/admin/reconciliation/runs?limit=1');
    view.append(h('div', { class: 'tiles', id: 'attention' },
      tile('orders waiting for the business (awaiting action)', async () =>
        link('#/orders?action_required=true', String(await total({ action_required: 'true' })))),
      tile('orders with money in escrow (refund owed or under way)', async () => {
        const escrow = (await stuck).money_in_escrow;
        return h('span', {}, link('#/reconciliation', count(escrow, 100), { id: 'n-escrow' }),
          escrow.length ? h('span', { class: 'what', id: 'escrow-sum' }, ' ' + sums(escrow)) : null);
      }),
      tile('stuck orders (nothing moved them for a while)', async () =>
        link('#/reconciliation', count((await stuck).stuck, 100), { id: 'n-stuck' })),
      tile('open dead letters', async () =>
        link('#/dead-letters?status=open', count((await Console.get('/admin/dead-letters?status=open&limit=' + CAP)).dead_letters, CAP),
          { id: 'n-dead-letters' })),
      tile('event deliveries waiting (pending)', async () =>
        link('#/events?status=pending', count((await Console.get('/admin/events/deliveries?status=pending&limit=' + CAP)).deliveries, CAP),
          { id: 'n-backlog' })),
      tile('event deliveries failed for good', async () =>
        link('#/events?status=failed', count((await Console.get('/admin/events/deliveries?status=failed&limit=' + CAP)).deliveries, CAP)))));

    view.append(h('h2', {}, 'Last reconciliation run'));
    const runBox = h('div', { class: 'panel', id: 'last-run' }, 'Loading…');
    view.append(runBox);
    lastRun.then((r) => {
      const run = r.runs[0];
      if (!run) { runBox.replaceChildren(h('p', { class: 'empty' }, 'No reconciliation run yet.')); return; }
      runBox.replaceChildren(Console.fields([
        ['run', link('#/reconciliation', '#' + run.id)], ['status', run.status], ['trigger', run.trigger],
        ['started', Console.when(run.started_at)], ['finished', Console.when(run.finished_at)],
        ['drift: changes applied', run.changes_applied], ['drift: orphans found', run.orphans],
        ['orders checked', run.orders_checked], ['errors', run.errors + (run.error_detail ? ' — ' + run.error_detail : '')]]));
    }).catch((err) => runBox.replaceChildren(Console.message(Console.describeError(err))));

    view.append(h('h2', {}, 'Orders per status'));
    view.append(h('div', { class: 'tiles', id: 'per-status' }, STATUSES.map((status) =>
      tile(status, async () => link('#/orders?status=' + status, String(await total({ status })), { 'data-status': status })))));

    view.append(h('h2', {}, 'Upstream circuits'));
    const circuits = h('div', { class: 'tiles', id: 'circuits' }, '…');
    view.append(circuits);
    Console.get('/admin/upstreams/circuits').then((r) => {
      const names = Object.keys(r.circuits);
      circuits.replaceChildren(...(names.length ? names.map((name) => h('div', { class: 'tile', 'data-upstream': name },
        h('span', { class: 'n' }, r.circuits[name]), h('span', { class: 'what' }, name + ' circuit' +
          (r.circuits[name] === 'CLOSED' ? ' (calls go through)' : ' (calls refused: answered 503)')))) :
        [h('p', { class: 'empty' }, 'No upstream is switched on.')]));
    }).catch((err) => circuits.replaceChildren(Console.message(Console.describeError(err))));
    await Promise.allSettled([stuck, lastRun]);
  };
})();
