#!/usr/bin/env python3
"""Search quality of the site's /api/search on a generated corpus's queries.tsv.

Usage: python3 bench/search-quality.py BASE_URL DIR [K] [--json OUT]
  BASE_URL  the running site, http://127.0.0.1:PORT (loopback only)
  DIR       a corpus made by ../shared/bench/gen-corpus.py (has DIR/queries.tsv)
  K         result depth for hit@K (default 5); sent as &limit=K

Same definitions as ../shared/bench/peers/pagefind-search.mjs, mapped to this
site's URLs (content/<lang>/<cat>/<slug>.md -> /<lang>/<cat>/<slug>, no
trailing slash):
  hit@1     the first result's URL (without #fragment) is the expected article
  hit@K     the expected article is among the first K results
  anchor@1  hit@1 and the first result's URL ends in #<expected_anchor>
Each row is one sequential GET /api/search?q=..&lang=<row's lang>&limit=K
(standard library only).  Prints a table per kind and language, then
  kb_search rows=.. hit1=.. hitK=.. anchor1=.. errors=.. query_ms_p50=.. query_ms_p95=..
and writes per-row outcomes to DIR/kb-search-results.tsv (and, with --json,
the per-group figures to OUT).  Exit status 3 and "kb_search n/a ..." when the
route answers 404 (not built yet).
"""
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def pct(values, q):
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))] if s else float("nan")


def site_path(url):
    """'/pt/a/b#x' or 'http://h/pt/a/b/?q#x' -> '/pt/a/b'."""
    parts = urllib.parse.urlsplit(url)
    path = urllib.parse.unquote(parts.path)
    return path.rstrip("/") or "/"


def main(argv):
    args = [a for a in argv[1:]]
    out_json = None
    if "--json" in args:
        i = args.index("--json")
        out_json = args[i + 1]
        del args[i:i + 2]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    base = args[0].rstrip("/")
    corpus = args[1]
    k = int(args[2]) if len(args) > 2 else 5
    host = urllib.parse.urlsplit(base).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"search-quality: refusing {base}: loopback only", file=sys.stderr)
        return 2

    with open(os.path.join(corpus, "queries.tsv"), encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    header = lines[0].split("\t")
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy
    out, times, errors = [], [], 0
    for n, r in enumerate(rows):
        want = "/" + r["expected_path"][len("content/"):].removesuffix(".md")
        url = f"{base}/api/search?" + urllib.parse.urlencode({"q": r["query"], "lang": r["lang"], "limit": k})
        t0 = time.perf_counter()
        status, results = None, []
        try:
            with opener.open(url, timeout=10) as resp:
                status = resp.status
                body = json.loads(resp.read().decode("utf-8"))
                results = body.get("results") or []
        except urllib.error.HTTPError as e:
            status = e.code
        except (urllib.error.URLError, OSError, ValueError) as e:
            status = f"error:{type(e).__name__}"
        times.append((time.perf_counter() - t0) * 1000)
        if status == 404 and n == 0:
            print("kb_search n/a: GET /api/search answered 404 (route not there yet)")
            return 3
        if status != 200:
            errors += 1
        urls = [str(x.get("url", "")) for x in results[:k] if isinstance(x, dict)]
        paths = [site_path(u) for u in urls]
        rank = paths.index(want) + 1 if want in paths else 0
        anchor = ""
        if rank == 1 and "#" in urls[0]:
            anchor = urls[0].split("#", 1)[1]
        out.append({**r, "rank": rank, "got_anchor": anchor, "status": status, "n": len(results),
                    "first": urls[0] if urls else ""})

    groups = {}
    for o in out:
        for key in (f"{o['kind']}\t{o['lang']}", "all\t*"):
            groups.setdefault(key, []).append(o)
    print(f"kind\tlang\trows\thit@1\thit@{k}\tanchor@1")
    stats = {}
    for key in sorted(groups):
        g = groups[key]
        h1 = sum(1 for o in g if o["rank"] == 1)
        hk = sum(1 for o in g if o["rank"] >= 1)
        a1 = sum(1 for o in g if o["rank"] == 1 and o["got_anchor"] == o["expected_anchor"])
        kind, lang = key.split("\t")
        stats[key] = {"kind": kind, "lang": lang, "rows": len(g), "hit1": h1 / len(g),
                      "hitk": hk / len(g), "anchor1": a1 / len(g)}
        print(f"{key}\t{len(g)}\t{h1 / len(g):.2f}\t{hk / len(g):.2f}\t{a1 / len(g):.2f}")

    with open(os.path.join(corpus, "kb-search-results.tsv"), "w", encoding="utf-8") as f:
        f.write("lang\tquery\tkind\texpected_path\texpected_anchor\tstatus\trank\tgot_anchor\tresults\tfirst_url\n")
        for o in out:
            f.write("\t".join(str(o[c]) for c in ("lang", "query", "kind", "expected_path", "expected_anchor",
                                                  "status", "rank", "got_anchor", "n", "first")) + "\n")
    a = stats["all\t*"]
    p50, p95 = pct(times, 0.5), pct(times, 0.95)
    print(f"kb_search rows={a['rows']} hit1={a['hit1']:.3f} hit{k}={a['hitk']:.3f} anchor1={a['anchor1']:.3f} "
          f"errors={errors} query_ms_p50={p50:.1f} query_ms_p95={p95:.1f}")
    if out_json:
        with open(out_json, "w", encoding="utf-8") as f:
            json.dump({"k": k, "errors": errors, "query_ms_p50": p50, "query_ms_p95": p95,
                       "groups": list(stats.values())}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
