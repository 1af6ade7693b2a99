'use strict';
// Orders: which orders match, and what is one order's story? Filters live in the address (#/orders?...),
// so a filtered list can be linked to and reloaded.
(function () {
  const { h, link } = Console;
  const STATUSES = ['creation_unconfirmed', 'created', 'awaiting_action', 'processing', 'on_hold', 'disputed',
    'completed', 'cancelled', 'expired', 'failed', 'refund_pending', 'refunded'];
  const FILTERS = ['status', 'provider', 'user_id', 'updated_since', 'action_required'];

  function select(id, values, current) {
    return h('select', { id, name: id }, h('option', { value: '' }, 'any'),
      values.map((v) => h('option', { value: v, selected: v === current }, v)));
  }

  function filterForm(params) {
    const form = h('form', { class: 'filters', id: 'order-filters' },
      Console.field('Status', select('status', STATUSES, params.get('status'))),
      Console.field('Provider', select('provider', ['unigox', 'changelly'], params.get('provider'))),
      Console.field('User id', h('input', { id: 'user_id', name: 'user_id', size: 38, value: params.get('user_id') || '' })),
      Console.field('Updated since (ISO-8601)', h('input', { id: 'updated_since', name: 'updated_since', size: 24,
        placeholder: '2026-12-04T00:00:00Z', value: params.get('updated_since') || '' })),
      Console.field('Waiting for the business', select('action_required', ['true', 'false'], params.get('action_required'))),
      h('button', { type: 'submit', id: 'apply-filters' }, 'Filter'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const query = {};
      for (const name of FILTERS) query[name] = form.elements[name].value.trim();
      Console.go('#/orders' + Console.query(query));
    });
    return form;
  }

  function findForm() {
    const input = h('input', { id: 'find-id', name: 'find-id', size: 38, placeholder: 'ours, the provider\'s or the client\'s' });
    const found = h('div', { id: 'find-result' });
    const form = h('form', { class: 'filters', id: 'find-order' }, Console.field('Find by any order id', input),
      h('button', { type: 'submit', class: 'secondary' }, 'Find'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const id = input.value.trim();
      if (!id) return;
      try {
        const r = await Console.get('/admin/orders/lookup' + Console.query({ id }));
        if (r.orders.length === 1) { Console.go('#/orders/' + encodeURIComponent(r.orders[0].id)); return; }
        found.replaceChildren(r.orders.length === 0
          ? Console.message('No order has the id "' + id + '" (ours, the provider\'s or the client\'s).', 'info')
          : Console.table([['order', (o) => link('#/orders/' + o.id, o.id, { class: 'mono' })], ['provider', (o) => o.provider],
            ['matched', (o) => o.matched], ['status', (o) => o.status]], r.orders, ''));
      } catch (err) {
        found.replaceChildren(Console.message(Console.describeError(err)));
      }
    });
    return h('div', {}, form, found);
  }

  async function list(view, params) {
    view.append(h('h1', {}, 'Orders'), h('div', { class: 'panel' }, filterForm(params), findForm()));
    const page = Number(params.get('page') || 1);
    const query = { page, limit: 25 };
    for (const name of FILTERS) query[name] = params.get(name);
    const r = await Console.get('/api/v1/orders' + Console.query(query));
    const p = r.pagination;
    view.append(h('p', { class: 'muted', id: 'orders-count' }, p.total_count + ' order(s) match'));
    view.append(Console.table([
      ['order', (o) => link('#/orders/' + o.id, o.id, { class: 'mono' })],
      ['provider', (o) => o.provider], ['status', (o) => o.status], ['provider status', (o) => o.provider_status],
      ['amount', (o) => (o.crypto_amount ? o.crypto_amount + ' ' + o.crypto_currency : null), { num: true }],
      ['payout', (o) => (o.fiat_amount ? o.fiat_amount + ' ' + o.fiat_currency : null), { num: true }],
      ['next action', (o) => o.next_action], ['updated', (o) => Console.when(o.updated_at)]],
    r.orders, 'No order matches these filters.', { id: 'orders' }));
    if (p.total_pages > 1) {
      const to = (n) => { const q = new URLSearchParams(params); q.set('page', n); return '#/orders?' + q; };
      view.append(h('div', { class: 'pager' }, page > 1 ? link(to(page - 1), '← newer') : null,
        'page ' + page + ' of ' + p.total_pages, page < p.total_pages ? link(to(page + 1), 'older →') : null));
    }
  }

  async function one(view, id) {
    view.append(h('p', {}, link('#/orders', '← all orders')));
    const o = await Console.get('/api/v1/orders/' + encodeURIComponent(id));
    view.append(h('h1', {}, 'Order ', h('span', { class: 'mono' }, o.id)));
    view.append(h('div', { class: 'panel', id: 'order' }, Console.fields([
      ['status', o.status + (o.final ? ' (final)' : '')], ['provider', o.provider],
      ['provider status', o.provider_status], ['provider\'s order id', o.provider_order_id],
      ['client order id', o.client_order_id], ['user', o.user_id ? link('#/orders?user_id=' + o.user_id, o.user_id) : null],
      ['next action', h('strong', { id: 'next-action' }, Console.text(o.next_action))],
      ['allowed actions', (o.allowed_actions || []).join(', ') || 'none'],
      ['refund owed', o.refund_required === undefined ? null : String(o.refund_required)],
      ['amount', o.crypto_amount ? o.crypto_amount + ' ' + o.crypto_currency : null],
      ['payout', o.fiat_amount ? o.fiat_amount + ' ' + o.fiat_currency : null],
      ['created', Console.when(o.created_at)], ['updated', Console.when(o.updated_at)]])));
    view.append(h('h2', {}, 'Timeline'));
    view.append(Console.table([
      ['at', (t) => Console.when(t.at)], ['from', (t) => t.from], ['to', (t) => t.to], ['source', (t) => t.source],
      ['reference', (t) => t.source_ref], ['outcome', (t) => t.outcome], ['reason', (t) => t.reason]],
    o.timeline, 'No timeline entry.', { id: 'timeline' }));
    view.append(h('h2', {}, 'Events the business was told'));
    const told = await Console.get('/admin/events/deliveries' + Console.query({ subject: o.id, limit: 200 }));
    view.append(Console.table([
      ['event', (d) => d.event_id], ['type', (d) => d.type], ['destination', (d) => d.destination],
      ['status', (d) => d.status], ['attempts', (d) => d.attempts], ['last answer', (d) => d.last_status || d.last_error],
      ['written', (d) => Console.when(d.created_at)], ['delivered', (d) => Console.when(d.delivered_at)]],
    told.deliveries, 'No event about this order was sent anywhere (no destination, or none yet).', { id: 'order-events' }));
    view.append(h('h2', {}, 'Webhooks about this order'));
    if (!o.provider_order_id) {
      view.append(h('p', { class: 'empty' }, 'The provider has not named this order yet, so no webhook can be about it.'));
      return;
    }
    const inbox = await Console.get('/admin/webhooks/inbox' + Console.query({ provider: o.provider, order_ref: o.provider_order_id }));
    view.append(Console.table([
      ['inbox id', (w) => w.id], ['event', (w) => w.event_type], ['verdict', (w) => w.verdict],
      ['reason', (w) => w.verdict_reason], ['received', (w) => Console.when(w.received_at)]],
    inbox.webhooks, 'No webhook has named this order.'));
  }

  Console.pages.orders = (view, params, id) => (id ? one(view, id) : list(view, params));
})();
