#!/usr/bin/env python3
"""Render BENCHMARKS.md from bench/run.sh's results.

Usage: python3 bench/report.py RESULTS.tsv COMMANDS.sh > BENCHMARKS.md
RESULTS.tsv lines are size<TAB>key<TAB>value ("-" as size = the whole run).
"""
import json
import os
import sys

# ../shared/bench/BASELINE.md, "Pagefind search quality", seed 1, both 1,000 and
# 10,000 articles per language (same result for both sizes).
PAGEFIND_BASELINE = {
    "code": (1.00, 1.00, 1.00),
    "rare": (1.00, 1.00, 1.00),
    "rare_unaccented": (1.00, 1.00, 1.00),
    "typo": (0.00, 0.00, 0.00),
    "all": (0.750, 0.750, 0.750),
}
# content_sha256 recorded in ../shared/bench/BASELINE.md for seed 1
BASELINE_SHA256 = {
    "1000": "20f359d1d6e9c4f58fe3de3fc18777d13d1b5d365836b7e54688a09d44113b8b",
    "10000": "32feac06e6ac393be31d4391c9a14396290d3b6526487ac48d48715d6515e0e4",
}
TARGET_ARTICLE_SHARE = 0.80   # article pages >= 80% of nginx req/s
TARGET_BARE_SHARE = 0.90      # article pages >= 90% of bare Jetty's req/s (issue #11)
TARGET_COLD = 1.0             # cold start (empty data folder) <= 1.0x Hugo's build (issue #11)
TARGET_WARM = 0.2             # restart with unchanged content <= 0.2x Hugo's build (issue #11)
TARGET_EDIT = 0.5             # edit -> visible in page and search <= 0.5x hugo server (issue #11)
TARGET_SEARCH_P99_MS = 20.0   # search p99 < 20 ms at 32 connections
TARGET_RSS_MB = 1024          # peak RSS < 1 GiB
TARGET_HOME_BYTES = 100 * 1024  # home page < 100 KB (issue #12)
TARGET_HOME_SHARE = 0.90      # home >= 90% of the article page's req/s (issue #12: "as fast as an article page")


def load(path):
    meta, sizes, notes = {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            size, key, value = line.split("\t", 2)
            if key == "note":
                notes.setdefault(size, []).append(value)
            elif size == "-":
                meta[key] = value
            elif key == "note":
                notes.setdefault(size, []).append(value)
            else:
                sizes.setdefault(size, {})[key] = value
    return meta, sizes, notes


def num(d, key):
    v = d.get(key)
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def fmt(v, unit="", digits=2):
    if v is None:
        return "n/a"
    if abs(v) >= 1000:
        return f"{v:,.0f}{unit}"
    return f"{v:.{digits}f}{unit}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def cold_s(d):
    """Start to ready with an empty data folder; results from before issue #11 called it jar_ready_s."""
    v = num(d, "jar_cold_s")
    return num(d, "jar_ready_s") if v is None else v


def targets(n, d):
    """[(target, size, figure, verdict)]"""
    rows = []
    hugo = num(d, "hugo_build_s")
    for key, label, target in [("jar_cold_s", "cold start (empty data folder)", TARGET_COLD),
                               ("jar_warm_s", "warm restart (same data, content unchanged)", TARGET_WARM)]:
        name = f"{label} ≤ {target:.1f}× Hugo build time"
        ready = cold_s(d) if key == "jar_cold_s" else num(d, key)
        paired = num(d, "jar_cold_paired_ratio") if key == "jar_cold_s" else None
        if paired is not None:
            # Each cold start divided by the Hugo build run right before it, on the same minute.
            word = "met" if paired <= target else "missed"
            verdict = (f"**{word}**: {paired:.2f}× the Hugo build run just before it (median of "
                       f"{d.get('jar_cold_paired_ratios', 'n/a')})")
            rows.append((name, n, f"{ready:.2f} s; Hugo builds {d.get('hugo_build_runs', 'n/a')} s", verdict))
            continue
        r = ratio(ready, hugo)
        if r is None:
            rows.append((name, n, "n/a", "n/a"))
            continue
        limit = target * hugo
        verdict = (f"**met**: {r:.2f}× Hugo's build, {limit - ready:.2f} s under {target:.1f}×" if r <= target
                   else f"**missed**: {r:.2f}× Hugo's build, {ready - limit:.2f} s over {target:.1f}× ({limit:.2f} s)")
        rows.append((name, n, f"{ready:.2f} s vs {hugo:.2f} s", verdict))

    peer = num(d, "hugo_edit_s")
    for mode, label in [("idle", "idle"), ("load", "under page load")]:
        name = f"edit → visible in page and search, {label}, ≤ {TARGET_EDIT:.1f}× `hugo server`"
        v = num(d, f"jar_edit_{mode}_s")
        r = ratio(v, peer)
        if r is None:
            rows.append((name, n, "n/a", "n/a (not measured, see notes)"))
            continue
        limit = TARGET_EDIT * peer
        verdict = (f"**met**: {r:.2f}× `hugo server`, {limit - v:.2f} s under {TARGET_EDIT:.1f}×" if r <= TARGET_EDIT
                   else f"**missed**: {r:.2f}× `hugo server`, {v - limit:.2f} s over {TARGET_EDIT:.1f}× ({limit:.2f} s)")
        rows.append((name, n, f"{v:.2f} s vs {peer:.2f} s", verdict))

    jar, ngx = num(d, "jar_rps"), num(d, "nginx_rps")
    r = ratio(jar, ngx)
    if r is None:
        rows.append(("article pages ≥ 80% of nginx req/s", n, "n/a", "n/a (no article figure)"))
    else:
        pts = (r - TARGET_ARTICLE_SHARE) * 100
        need = TARGET_ARTICLE_SHARE * ngx
        verdict = (f"**met**: {r:.0%} of nginx, {pts:.0f} points above 80%" if r >= TARGET_ARTICLE_SHARE
                   else f"**missed**: {r:.0%} of nginx, {-pts:.0f} points short "
                        f"(80% would be {need:,.0f} req/s, {need - jar:,.0f} more)")
        rows.append(("article pages ≥ 80% of nginx req/s", n, f"{jar:,.0f} vs {ngx:,.0f} req/s", verdict))
    bare = num(d, "bare_rps")
    r = ratio(jar, bare)
    if r is None:
        rows.append(("article pages ≥ 90% of bare Jetty's req/s", n, "n/a", "n/a (not measured, see notes)"))
    else:
        pts = (r - TARGET_BARE_SHARE) * 100
        need = TARGET_BARE_SHARE * bare
        verdict = (f"**met**: {r:.0%} of bare Jetty, {pts:.0f} points above 90%" if r >= TARGET_BARE_SHARE
                   else f"**missed**: {r:.0%} of bare Jetty, {-pts:.0f} points short "
                        f"(90% would be {need:,.0f} req/s, {need - jar:,.0f} more)")
        rows.append(("article pages ≥ 90% of bare Jetty's req/s", n, f"{jar:,.0f} vs {bare:,.0f} req/s", verdict))

    p99 = num(d, "search_p99_ms")
    if p99 is None:
        rows.append(("search p99 < 20 ms at 32 connections", n, "n/a", "n/a (/api/search not measured, see notes)"))
    else:
        diff = abs(p99 - TARGET_SEARCH_P99_MS)
        verdict = (f"**met**: {diff:.1f} ms under" if p99 < TARGET_SEARCH_P99_MS
                   else f"**missed**: {diff:.1f} ms over ({p99 / TARGET_SEARCH_P99_MS:.1f}× the target)")
        steady = num(d, "search_steady_p99_ms")
        if steady is not None:
            verdict += f"; in steady state {steady:.2f} ms ({'met' if steady < TARGET_SEARCH_P99_MS else 'missed'})"
        rows.append(("search p99 < 20 ms at 32 connections", n, f"{p99:.2f} ms", verdict))

    home = num(d, "home_bytes")
    if home is None:
        rows.append(("home page < 100 KB", n, "n/a", "n/a (not measured, see notes)"))
    else:
        verdict = (f"**met**: {(TARGET_HOME_BYTES - home) / 1024:.0f} KB under" if home < TARGET_HOME_BYTES
                   else f"**missed**: {(home - TARGET_HOME_BYTES) / 1024:.0f} KB over")
        rows.append(("home page < 100 KB", n, f"{home / 1024:.1f} KB ({(num(d, 'home_gzip_bytes') or 0) / 1024:.1f} KB gzip)", verdict))
    hr, ar = num(d, "home_rps"), num(d, "jar_rps")
    r = ratio(hr, ar)
    if r is None:
        rows.append(("home as fast as an article page (≥ 90% of its req/s)", n, "n/a", "n/a"))
    else:
        verdict = (f"**met**: {r:.0%} of the article page's req/s" if r >= TARGET_HOME_SHARE
                   else f"**missed**: {r:.0%} of the article page's req/s")
        rows.append(("home as fast as an article page (≥ 90% of its req/s)", n, f"{hr:,.0f} vs {ar:,.0f} req/s", verdict))

    # The target holds for the process's whole life: the served process's peak after all the load,
    # and the cold start's own (a process that starts from an empty data folder and then serves).
    served, cold = num(d, "jar_peak_rss_mb"), num(d, "jar_cold_rss_mb")
    peaks = [(v, what) for v, what in ((served, "after all the load"), (cold, "at the end of a cold start"))
             if v is not None]
    if not peaks:
        rows.append(("peak RSS < 1 GiB", n, "n/a", "n/a"))
    else:
        rss, what = max(peaks)
        diff = abs(TARGET_RSS_MB - rss)
        verdict = (f"**met**: {diff:.0f} MiB under" if rss < TARGET_RSS_MB
                   else f"**missed**: {diff:.0f} MiB over ({what})")
        figure = ", ".join(f"{v:.0f} MiB {w}" for v, w in peaks)
        rows.append(("peak RSS < 1 GiB (after all the load, and during a cold start)", n, figure, verdict))
    return rows


def pagefind_same_run(path):
    """Parse pagefind-search.mjs's table: {(kind, lang): (h1, hk, a1)}."""
    out = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) == 6 and p[0] != "kind":
                    out[(p[0], p[1])] = tuple(float(x) for x in p[3:6])
    except OSError:
        pass
    return out


def main(argv):
    meta, sizes, notes = load(argv[1])
    with open(argv[2], encoding="utf-8") as f:
        commands = f.read().rstrip("\n")
    order = meta.get("sizes", " ".join(sizes)).split()
    runs = int(meta.get("runs", "0") or 0)
    w = print

    w("# Benchmarks")
    w()
    w("Written by `bench/run.sh` (do not edit by hand: rerun it). Every figure comes from one run on one")
    w("machine; the peers (Hugo building the same corpus, nginx serving Hugo's output) were measured in")
    w("that same run, alternating with the site, and ratios are site ÷ peer. The Pagefind search-quality")
    w("column is quoted from `../shared/bench/BASELINE.md` (a baseline, not this run) unless marked otherwise.")
    w()
    if not {"1000", "10000"} <= set(order) or runs < 3:
        w(f"> **Not the issue's figures**: this run used SIZES=\"{' '.join(order)}\" RUNS={runs} "
          "(the issue asks for 1000 and 10000, 3 runs). Rerun `bench/run.sh` for those.")
        w()
    try:
        cores = int(meta.get("machine", "0").split()[0])
        busiest = max(float(meta.get(k, "0").split()[0]) for k in ("loadavg_start", "loadavg_end"))
    except (ValueError, IndexError):
        cores, busiest = 0, 0.0
    if cores and busiest > cores:
        w(f"> **Busy machine**: the load average reached {busiest:.1f} on {cores} cores during this run (other")
        w("> work was running), so every figure here is disturbed; ratios within the run are still the fairest")
        w("> comparison, but rerun on a quiet machine before drawing conclusions.")
        w()
    w("| | |")
    w("| --- | --- |")
    for key, label in [("date_utc", "date (UTC)"), ("machine", "machine"), ("java", "JVM"),
                       ("java_opts", "JVM options"), ("jetty", "Jetty (in kb.jar)"), ("tools", "tools"),
                       ("commit", "site commit"), ("runs", "runs per measure (medians reported)"),
                       ("edits", "timed edits per edit series"), ("wrk_duration", "each wrk run"),
                       ("seed", "corpus seed"), ("loadavg_start", "load average at start"),
                       ("loadavg_end", "load average at end")]:
        if key in meta:
            w(f"| {label} | {meta[key]} |")
    w()

    w("## Targets")
    w()
    w("| target | articles / language | figure | verdict |")
    w("| --- | --- | --- | --- |")
    for n in order:
        for row in targets(n, sizes.get(n, {})):
            w("| " + " | ".join(row) + " |")
    w()
    w("This machine's 2 cores are shared with other tenants and noisy (see `../shared/bench/BASELINE.md`):")
    w("compare within one run, not across runs.")
    w()

    if notes.get("-"):
        w("Notes on the whole run:")
        w()
        for x in notes["-"]:
            w(f"- {x}")
        w()

    for n in order:
        d = sizes.get(n, {})
        w(f"## {int(n):,} articles per language")
        w()
        sha = d.get("content_sha256", "?")
        if n in BASELINE_SHA256 and meta.get("seed") == "1":
            same = "same corpus as" if sha == BASELINE_SHA256[n] else "**differs from**"
            sha_note = f" ({same} BASELINE.md)"
        else:
            sha_note = ""
        w(f"Corpus `{n}` ({d.get('corpus', '?')}): {d.get('md_files', '?')} Markdown files, "
          f"content_sha256 `{sha}`{sha_note}. Article page: `{d.get('page', '?')}` "
          f"(nginx: the same path with Hugo's trailing `/`).")
        w()
        w("| measure | kb.jar | peer | kb ÷ peer |")
        w("| --- | --- | --- | --- |")
        hugo = num(d, "hugo_build_s")
        hruns = f"(runs {d.get('hugo_build_runs', 'n/a')})"
        cold_runs = d.get("jar_cold_runs", d.get("jar_ready_runs", "n/a"))
        w(f"| cold start, s (empty data folder: launch → first 200 on `/health`) vs Hugo build | {fmt(cold_s(d))} "
          f"(runs {cold_runs}) | Hugo {fmt(hugo)} {hruns} | {fmt(ratio(cold_s(d), hugo))} |")
        if "jar_cold_paired_ratio" in d:
            w(f"| cold start ÷ the Hugo build run right before it, median | | | "
              f"{fmt(num(d, 'jar_cold_paired_ratio'))} (each: {d.get('jar_cold_paired_ratios', 'n/a')}) |")
        if "jar_warm_s" in d:
            w(f"| warm restart, s (SIGTERM, same data folder, content unchanged) vs Hugo build | {fmt(num(d, 'jar_warm_s'))} "
              f"(runs {d.get('jar_warm_runs', 'n/a')}) | Hugo {fmt(hugo)} | {fmt(ratio(num(d, 'jar_warm_s'), hugo))} |")
            seen = {"1": "edit shown at ready", "0": "**edit not shown at ready**"}.get(d.get("jar_changed_seen"), "")
            w(f"| restart after one article edited while stopped, s | {fmt(num(d, 'jar_changed_s'))} "
              f"(runs {d.get('jar_changed_runs', 'n/a')}; {seen}) | Hugo {fmt(hugo)} | {fmt(ratio(num(d, 'jar_changed_s'), hugo))} |")
            w(f"| stop on SIGTERM, s (median) | {fmt(num(d, 'jar_stop_s'))} | `hugo server` ready "
              f"{fmt(num(d, 'hugo_server_ready_s'))} | |")
        if "hugo_edit_s" in d or "jar_edit_idle_s" in d:
            peer = num(d, "hugo_edit_s")
            prun = f"(runs {d.get('hugo_edit_runs', 'n/a')})"
            for mode, label in [("idle", "idle"), ("load", "under load (`wrk -t1 -c8` on another article)")]:
                v = num(d, f"jar_edit_{mode}_s")
                w(f"| edit → visible in page and search, {label}, s | {fmt(v, digits=3)} "
                  f"(runs {d.get(f'jar_edit_{mode}_runs', 'n/a')}) | `hugo server` (page) {fmt(peer, digits=3)} {prun} "
                  f"| {fmt(ratio(v, peer))} |")
            if "edit_load_rps" in d:
                w(f"| the background load during those edits, requests/s; p99 ms | {fmt(num(d, 'edit_load_rps'))}; "
                  f"{fmt(num(d, 'edit_load_p99_ms'), digits=3)} | — | |")
        jar, ngx = num(d, "jar_rps"), num(d, "nginx_rps")
        w(f"| article page, requests/s (`wrk -t2 -c32`) | {fmt(jar)} (runs {d.get('jar_rps_runs', 'n/a')}) "
          f"| nginx {fmt(ngx)} (runs {d.get('nginx_rps_runs', 'n/a')}) | {fmt(ratio(jar, ngx))} |")
        for k, label in [("p50_ms", "p50"), ("p99_ms", "p99")]:
            a, b = num(d, "jar_" + k), num(d, "nginx_" + k)
            w(f"| article page, latency {label}, ms | {fmt(a, digits=3)} | nginx {fmt(b, digits=3)} | {fmt(ratio(a, b))} |")
        if "bare_rps" in d:
            bare = num(d, "bare_rps")
            w(f"| article page, requests/s, vs bare Jetty (`bench/BareJetty.java`, same bytes) | {fmt(jar)} "
              f"| bare Jetty {fmt(bare)} (runs {d.get('bare_rps_runs', 'n/a')}) | {fmt(ratio(jar, bare))} |")
            for k, label in [("p50_ms", "p50"), ("p99_ms", "p99")]:
                a, b = num(d, "jar_" + k), num(d, "bare_" + k)
                w(f"| article page, latency {label} vs bare Jetty, ms | {fmt(a, digits=3)} | bare Jetty {fmt(b, digits=3)} "
                  f"| {fmt(ratio(a, b))} |")
        w(f"| search (`/api/search`, queries.tsv rotating), requests/s | {fmt(num(d, 'search_rps'))} "
          f"(runs {d.get('search_rps_runs', 'n/a')}) | — | |")
        w(f"| search latency p50 / p99, ms | {fmt(num(d, 'search_p50_ms'), digits=3)} / "
          f"{fmt(num(d, 'search_p99_ms'), digits=3)} | — | |")
        if num(d, "search_steady_rps") is not None:
            w(f"| search in steady state (after {d.get('search_soak_s', '?')} of search load), requests/s; p50 / p99 ms | "
              f"{fmt(num(d, 'search_steady_rps'))}; {fmt(num(d, 'search_steady_p50_ms'), digits=3)} / "
              f"{fmt(num(d, 'search_steady_p99_ms'), digits=3)} | — | |")
        for kind, label in [("home", "home"), ("category", "category page")]:
            if num(d, kind + "_rps") is not None:
                w(f"| {label} `{d.get(kind + '_path', '?')}`: bytes / gzip bytes / links | {fmt(num(d, kind + '_bytes'), digits=0)} / "
                  f"{fmt(num(d, kind + '_gzip_bytes'), digits=0)} / {fmt(num(d, kind + '_links'), digits=0)} | — | |")
                w(f"| {label}, requests/s (`wrk -t2 -c32`); p50 / p99 ms | {fmt(num(d, kind + '_rps'))} "
                  f"(runs {d.get(kind + '_rps_runs', 'n/a')}); {fmt(num(d, kind + '_p50_ms'), digits=3)} / "
                  f"{fmt(num(d, kind + '_p99_ms'), digits=3)} | article page {fmt(num(d, 'jar_rps'))} "
                  f"| {fmt(ratio(num(d, kind + '_rps'), num(d, 'jar_rps')))} |")
        w(f"| peak RSS (VmHWM after all the load), MiB | {fmt(num(d, 'jar_peak_rss_mb'), digits=0)} "
          f"| Hugo build {d.get('hugo_peak_rss_mb', 'n/a')} | |")
        if "jar_cold_rss_mb" in d:
            w(f"| RSS at the end of a cold start (VmHWM at the first 200), MiB | {fmt(num(d, 'jar_cold_rss_mb'), digits=0)} | — | |")
        if "data_mb" in d:
            w(f"| data folder after the run (`du -sm`), MiB | {fmt(num(d, 'data_mb'), digits=0)} | — | |")
        w()

        qpath = d.get("quality_json")
        pf_run = pagefind_same_run(d.get("pagefind_log", ""))
        pf_label = "Pagefind (same run)" if pf_run else "Pagefind (BASELINE.md, 1,000 and 10,000)"
        w(f"Search quality, `queries.tsv` ({'hit@1 / hit@5 / anchor@1' }), kb.jar vs {pf_label}:")
        w()
        if not qpath:
            w("n/a: `/api/search` was not measured (see the notes).")
        else:
            with open(qpath, encoding="utf-8") as f:
                q = json.load(f)
            w("| kind | lang | rows | kb.jar hit@1 | hit@5 | anchor@1 | " + pf_label + " hit@1 / hit@5 / anchor@1 |")
            w("| --- | --- | --- | --- | --- | --- | --- |")
            # per kind and language first, "all" last
            for g in sorted(q["groups"], key=lambda g: (g["kind"] == "all", g["kind"], g["lang"])):
                if pf_run:
                    pf = pf_run.get((g["kind"], g["lang"]))
                else:
                    pf = PAGEFIND_BASELINE.get(g["kind"])
                pfs = " / ".join(f"{x:.2f}" for x in pf) if pf else "—"
                w(f"| {g['kind']} | {g['lang']} | {g['rows']} | {g['hit1']:.2f} | {g['hitk']:.2f} | "
                  f"{g['anchor1']:.2f} | {pfs} |")
            w()
            w(f"Sequential query time through HTTP: p50 {q['query_ms_p50']:.1f} ms, p95 {q['query_ms_p95']:.1f} ms; "
              f"{q['errors']} non-200 answers.")
        w()
        if notes.get(n):
            w("Notes:")
            w()
            for x in notes[n]:
                w(f"- {x}")
            w()

    if meta.get("search_eval_md") and os.path.exists(meta["search_eval_md"]):
        w("## Search quality on readers' questions")
        w()
        w("`src/test/resources/search-eval/queries.tsv`: 521 queries written from the reader's side by people who")
        w("had not read the articles (questions, symptom descriptions, pasted error dialogs, misspellings, words of")
        w("the other language, partial identifiers, keywords), each with the section URLs that answer it. The")
        w("development half (337 queries: the first set, whose held-out half was retired into it once it had")
        w("been reported many times) is looked at while changing search; the held-out half (184 queries, written")
        w("2026-12-01 before their writer read the articles) is only ever reported in aggregate. The same queries")
        w("run against the site's search and against plain")
        w("Lucene (one document per section, title/heading/body fields, Lucene's stock Portuguese and English")
        w("analyzers, BM25, every word optional), on the shipped content alone and among the bench generator's")
        w("1,000 articles per language (seed 1). s@k: the first answering URL is among the first k results; MRR")
        w("over the first 10; no result: queries answered with nothing.")
        w()
        with open(meta["search_eval_md"], encoding="utf-8") as f:
            w(f.read().rstrip())
        w()

    # What limits the missed targets: written by hand from profiles, kept next to the script so a
    # rerun keeps it (the figures above are regenerated, the analysis is not).
    analysis = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ANALYSIS.md")
    if os.path.exists(analysis):
        with open(analysis, encoding="utf-8") as f:
            w(f.read().rstrip())
        w()

    w("## Definitions")
    w()
    w("- **cold start**: wall time from launching `java -jar target/kb.jar --content COPY --data DIR` (no JVM")
    w("  options unless the run says otherwise) with DIR removed first, to the first 200 on `/health` (polled")
    w("  with curl every 50 ms); COPY is the run's private copy of the corpus's content. The peer is Hugo's full")
    w("  build of the same corpus into an empty output folder (`peers/hugo.sh`). Median of the runs.")
    w("- **warm restart**: the jar stopped with SIGTERM (waited for) and launched again with the same data")
    w("  folder and content, timed the same way. **Restart after one edit**: the same, with one article's title")
    w("  edited while it was stopped; whether that page and `/api/search` showed the edit at the first 200 is")
    w("  checked.")
    w("- **edit → visible**: while the jar runs, the title of the article `peers/hugo-server-edit.sh` edits (the")
    w("  English side of `facts.tsv`'s first row) gets a new word `editNzqv` at its start, with that script's")
    w("  regex, 4 s apart; the time from the write to both the page showing the word and")
    w("  `/api/search?q=<word>&lang=en` answering that article (polled every 20 ms) is reported, median of the")
    w("  edits; idle, then while `wrk -t1 -c8` loads another article page. The peer is `hugo server` on its own")
    w("  copy of the same content, the same edits, polled until the page shows the word (it has no search).")
    w("- **article page**: `wrk -t2 -c32 -d10s --latency` on one article page, after a warm-up (5 s for the")
    w("  jar and bare Jetty, 2 s for nginx); the jar, bare Jetty, nginx and search runs alternate. Medians of")
    w("  each figure over the runs. **Bare Jetty**: `bench/BareJetty.java`, the Jetty inside kb.jar with one")
    w("  plain `Handler.Abstract` answering the bytes and headers the jar answered for that page (fetched with")
    w("  curl), HTTP/1.1 only: the ceiling of this stack for that page.")
    w("- **search**: the same wrk load on `/api/search?q=…&lang=…`, each request the next row of the corpus's")
    w("  `queries.tsv` (`bench/search-rotate.lua`). Quality: `bench/search-quality.py`, one request per row")
    w("  with `limit=5`; hit@k = the expected article among the first k results (fragment ignored), anchor@1")
    w("  = hit@1 and the first result's `#id` is the expected anchor — the definitions of")
    w("  `../shared/bench/peers/pagefind-search.mjs`.")
    w("- **home, category page**: `/pt/` and the benchmarked article's category (its folder), sizes as served")
    w("  without and with gzip, then the same wrk load as the article page; the ratio is against the jar's")
    w("  article page in the same run.")
    w("- **peak RSS**: `VmHWM` of the jar's process in `/proc/PID/status`, read after all the above (the")
    w("  process started by the last restart after one edit, then edited and loaded).")
    w()
    w("## Commands")
    w()
    w("The whole run: `bench/run.sh` (see its header for the settings). The measuring commands, as run:")
    w()
    w("```sh")
    w(commands)
    w("```")


if __name__ == "__main__":
    main(sys.argv)
