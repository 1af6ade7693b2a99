"""How many files one flow opens: the route files reached from a start file through direct: calls, toD
(with ${variable.provider} taken as the given provider), route templates and their instantiations; the
Java classes those routes name (beans by the name they are bound under, classes by their full name); and
the SQL files they run. Descriptions and comments are not followed. A measure of the house's structure
for the closing notes of structural work (issue #17), not a test: failure paths (error policies, dead
letters) count when a route names them.

  python3 bench/route-reach.py . routes/webhooks/webhook-unigox.camel.yaml changelly unigox
  python3 bench/route-reach.py . routes/orders/creation/offramp-orders-create.camel.yaml changelly unigox

Arguments: repository root, start file, a word whose files and classes are left out (the other
upstream), the provider ${variable.provider} stands for."""
import re, sys, os, glob, yaml
root, start = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
EXCL = sys.argv[3] if len(sys.argv) > 3 else None
PROVIDER = sys.argv[4] if len(sys.argv) > 4 else 'unigox'
unres=set()
files = glob.glob(os.path.join(root, 'routes/**/*.camel.yaml'), recursive=True)
def strings(node, out, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == 'description': continue
            if k in ('ref', 'bean') and isinstance(v, str): out.append('ref:' + v)
            strings(v, out, k)
    elif isinstance(node, list):
        for v in node: strings(v, out, key)
    elif isinstance(node, str):
        out.append(node)
    return out
vals = {}
inst_ids = {}
for f in files:
    d = yaml.safe_load(open(f)) or []
    out = strings(d, [])
    params = {}
    for item in d:
        tr = item.get('templatedRoute')
        if tr:
            inst_ids[tr.get('routeId')] = f
            ps = {p['name']: str(p['value']) for p in tr.get('parameters', [])}
            if PROVIDER in (ps.get('name'), ps.get('provider')) or (tr.get('routeId') or '').startswith(PROVIDER):
                params = ps
    if params:
        sub = []
        for v in out:
            for k, pv in params.items(): v = v.replace('{{' + k + '}}', pv)
            sub.append(v)
        out = sub + ['ref:' + pv for pv in params.values()]
    vals[f] = out
def_direct, def_template = {}, {}
for f in files:
    d = yaml.safe_load(open(f)) or []
    for item in d:
        if 'routeTemplate' in item: def_template[item['routeTemplate']['id']] = f
    for v in vals[f]:
        m = re.match(r'direct:([\w-]+)$', v)
        if m: def_direct.setdefault(m.group(1), set()).add(f)
java = glob.glob(os.path.join(root, 'src/main/java/**/*.java'), recursive=True)
beans = {}
for j in java:
    s = open(j).read()
    for m in re.finditer(r'bind\(\s*"(\w+)"\s*,\s*([^;]*?)\);', s, re.S):
        name, expr = m.group(1), m.group(2)
        n = re.search(r'new\s+(\w+)', expr) or re.match(r'([A-Z]\w+)\.', expr)
        if not n and re.fullmatch(r'\w+', expr):
            n = re.search(r'(\w+)\s+' + expr + r'\s*=', s)
        if n: beans.setdefault(name, n.group(1))
def defining(name):
    if name in inst_ids: return inst_ids[name]
    # the file whose from: is direct:name (the one that defines it, not callers)
    for f in files:
        d = yaml.safe_load(open(f)) or []
        for item in d:
            r = item.get('route') or (item.get('routeTemplate') or {}).get('route')
            if r and str(r.get('from', {}).get('uri', '')) == 'direct:' + name: return f
    return None
seen, order, javas, stack = set(), [], set(), [start]
sqls = set()
while stack:
    f = stack.pop()
    if f in seen: continue
    seen.add(f); order.append(f)
    for v in vals[f]:
        v = v.replace('${variable.provider}', PROVIDER)
        for m in re.finditer(r'direct:([\w-]+)', v):
            g = defining(m.group(1))
            if g and g not in seen and not (EXCL and EXCL in os.path.basename(g)): stack.append(g)
        if v in def_template and def_template[v] not in seen: stack.append(def_template[v])
        g = defining(v) if re.fullmatch(r'[\w-]+', v) else None
        if g and g not in seen and not (EXCL and EXCL in os.path.basename(g)): stack.append(g)
        for m in re.finditer(r'(?:ref:|bean:|\$\{bean:)(\w+)', v):
            c = beans.get(m.group(1))
            if c: javas.add(c)
            else: unres.add(m.group(1))
        if v in beans: javas.add(beans[v])
        for m in re.finditer(r'classpath:(sql/[\w/.-]+)', v): sqls.add(m.group(1))
        for m in re.finditer(r'dev\.offramp\.[\w.]*\.([A-Z]\w+)', v): javas.add(m.group(1))
javas = {c for c in javas if not (EXCL and EXCL in c.lower())}
for f in order: print('R', os.path.relpath(f, root))
for c in sorted(javas): print('J', c)
for q in sorted(sqls): print('S', q)
print('routes', len(order), 'java', len(javas), 'sql', len(sqls), 'total', len(order) + len(javas) + len(sqls))

