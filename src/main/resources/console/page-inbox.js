'use strict';
// Webhook inbox: what did the upstreams tell us, and what did the bundle make of it?
(function () {
  const { h, link } = Console;

  Console.pages.inbox = async function (view, params) {
    view.append(h('h1', {}, 'Webhook inbox'));
    const provider = params.get('provider') || '';
    const verdict = params.get('verdict') || '';
    const form = h('form', { class: 'filters panel', id: 'inbox-filters' },
      Console.field('Provider', h('select', { name: 'provider', id: 'inbox-provider' }, ['', 'unigox', 'changelly'].map((v) =>
        h('option', { value: v, selected: v === provider }, v || 'any')))),
      Console.field('Verdict', h('input', { name: 'verdict', id: 'inbox-verdict', value: verdict, placeholder: 'e.g. applied' })),
      h('button', { type: 'submit' }, 'Filter'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      Console.go('#/inbox' + Console.query({ provider: form.elements.provider.value, verdict: form.elements.verdict.value.trim() }));
    });
    const result = h('div', { id: 'reprocess-result' });
    view.append(form, result);
    const r = await Console.get('/admin/webhooks/inbox' + Console.query({ provider, verdict, limit: 100 }));
    const columns = [
      ['id', (w) => w.id], ['provider', (w) => w.provider], ['event', (w) => w.event_type],
      ['provider\'s order', (w) => (w.order_ref ? link('#/inbox' + Console.query({ provider: w.provider }), w.order_ref, { class: 'mono' }) : null)],
      ['verdict', (w) => w.verdict], ['reason', (w) => w.verdict_reason],
      ['received', (w) => Console.when(w.received_at)], ['processed', (w) => Console.when(w.processed_at)]];
    if (Console.canChange()) {
      columns.push(['', (w) => {
        const button = h('button', { type: 'button', class: 'secondary', 'data-inbox-id': w.id }, 'Re-process…');
        button.addEventListener('click', async () => {
          if (!(await Console.confirm('Re-process webhook ' + w.id + '?', 'Its stored body is processed again; the status router ignores what it already applied.', 'Re-process'))) return;
          try {
            const answer = await Console.post('/admin/webhooks/inbox/' + w.id + '/reprocess');
            result.replaceChildren(Console.message('Webhook ' + w.id + ' re-processed: ' + answer.verdict + '.', 'ok'));
          } catch (err) {
            result.replaceChildren(Console.message('Re-processing failed: ' + Console.describeError(err)));
          }
        });
        return button;
      }]);
    }
    view.append(Console.table(columns, r.webhooks, 'No webhook stored' + (provider || verdict ? ' matches these filters.' : ' yet.'), { id: 'inbox' }));
  };
})();
