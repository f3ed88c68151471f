package io.streamprofiler.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The stylesheet of every page, and the Content-Security-Policy that allows exactly it: the policy
 * names the stylesheet's SHA-256, so no other style (injected element or style attribute) and no
 * script, font, image, frame or connection is allowed at all.
 */
final class Css {
  private Css() {}

  static final String STYLE =
"""
:root{--ink:#1f2933;--muted:#5f6b7a;--line:#e3e7ec;--bg:#f5f7fa;--card:#fff;--accent:#2563a6;--accent-soft:#e8f0fa;\
--alert:#b42318;--alert-soft:#fdecea;--warn:#b54708;--warn-soft:#fef3e2;--ok:#067647;--ok-soft:#e7f6ee;--late:#6941c6;--late-soft:#f1ecfb}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.92em}
.top{position:sticky;top:0;z-index:10;background:#17212e;color:#fff;box-shadow:0 1px 3px rgba(0,0,0,.25)}
.top .in{max-width:1240px;margin:0 auto;display:flex;align-items:center;gap:1.25rem;padding:0 1.25rem;height:48px;overflow-x:auto}
.brand{font-weight:650;white-space:nowrap;letter-spacing:.01em}
.brand span{color:#9fb3c8;font-weight:400}
.top nav{display:flex;gap:.15rem;margin-left:auto}
.top nav a{color:#d5dee8;padding:.35rem .6rem;border-radius:6px;white-space:nowrap;font-size:13px}
.top nav a:hover{background:#2a3a4f;color:#fff;text-decoration:none}
main{max-width:1240px;margin:0 auto;padding:1.25rem}
.hero{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.1rem 1.4rem;margin-bottom:1.25rem;display:flex;flex-wrap:wrap;gap:.75rem 2rem;align-items:center}
.hero h1{margin:0;font-size:1.45rem;font-weight:650;word-break:break-all}
.hero .sub{color:var(--muted)}
.hero .chips{display:flex;gap:.5rem;flex-wrap:wrap;margin-left:auto}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1.1rem 1.4rem 1.4rem;margin-bottom:1.25rem;scroll-margin-top:60px}
section>h2{margin:0 0 .9rem;font-size:1.2rem;font-weight:650;padding-bottom:.5rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:.2rem 0 .6rem;font-weight:650}
h4{font-size:.8rem;margin:.9rem 0 .4rem;color:var(--muted);text-transform:uppercase;letter-spacing:.05em;font-weight:600}
.note{color:var(--muted);margin:.4rem 0}
.grid{display:grid;gap:1rem 1.5rem;grid-template-columns:repeat(auto-fit,minmax(280px,1fr))}
@media (min-width:1000px){.grid.ov{grid-template-columns:1.3fr .7fr 1.3fr}}
.grid2{display:grid;gap:1rem 1.5rem;grid-template-columns:repeat(auto-fit,minmax(320px,1fr))}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:.28rem .55rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
table.kv th{font-weight:500;color:var(--muted);overflow-wrap:anywhere}
table.kv td{white-space:nowrap}
table.kv td.brk{white-space:normal;overflow-wrap:anywhere;min-width:8em}
table.vals td:first-child{overflow-wrap:anywhere}
table.kv td{text-align:right}
td.num,th.num{text-align:right}
table.data{font-size:13px}
table.data thead th{background:#f0f3f7;font-weight:600;position:sticky;top:0}
.scroll{overflow:auto;max-height:560px;border:1px solid var(--line);border-radius:6px}
.null{color:#9aa5b1}
.chip{display:inline-block;padding:.12rem .55rem;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap;background:var(--accent-soft);color:var(--accent)}
.chip.alert{background:var(--alert-soft);color:var(--alert)}
.chip.warn{background:var(--warn-soft);color:var(--warn)}
.chip.ok{background:var(--ok-soft);color:var(--ok)}
.chip.late{background:var(--late-soft);color:var(--late)}
.chip.muted{background:#eef1f4;color:var(--muted)}
.alerts{list-style:none;margin:0;padding:0}
.alerts li{display:flex;gap:.75rem;align-items:baseline;padding:.45rem .2rem;border-bottom:1px solid var(--line)}
.alerts li .chip{min-width:9.5rem;text-align:center}
.tabs{display:flex;flex-wrap:wrap;gap:0 .2rem;margin-top:.2rem}
.tabs>input{position:absolute;opacity:0;width:1px;height:1px}
.tabs>label{order:0;padding:.4rem .8rem;cursor:pointer;color:var(--muted);border-bottom:2px solid transparent;font-weight:500;user-select:none}
.tabs>label:hover{color:var(--ink)}
.tabs>.panel{order:1;flex-basis:100%;display:none;border-top:1px solid var(--line);padding-top:.9rem;min-width:0}
.tabs>input:checked+label{color:var(--accent);border-bottom-color:var(--accent)}
.tabs>input:focus-visible+label{outline:2px solid var(--accent);outline-offset:-2px}
.tabs>input:checked+label+.panel{display:block}
.varnav{display:flex;flex-wrap:wrap;gap:.4rem;margin-bottom:1rem}
.varnav a{border:1px solid var(--line);border-radius:6px;padding:.2rem .55rem;font-size:13px;color:var(--ink)}
.varnav a:hover{border-color:var(--accent);text-decoration:none}
.varnav a small{color:var(--muted);margin-left:.3rem}
.var{border:1px solid var(--line);border-radius:8px;padding:.9rem 1rem;margin-bottom:1rem;scroll-margin-top:60px}
.var header{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem .6rem;margin-bottom:.6rem}
.var header h3{margin:0;font-size:1.05rem;word-break:break-all}
.var .sum{display:grid;gap:.5rem 1.5rem;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));align-items:start}
.var details{margin-top:.6rem}
summary{cursor:pointer;color:var(--accent);font-weight:500;padding:.2rem 0}
summary:hover{text-decoration:underline}
.chart{display:block;max-width:100%;height:auto}
.chart.mini{margin-left:auto}
.chart text{font-size:11px;fill:var(--muted)}
.chart .lab{fill:var(--ink);font-size:11.5px}
.chart .cv{fill:var(--ink);font-size:11px}
.chart .cv.inv{fill:#fff}
.chart .legend{font-size:11px}
.chart .empty{fill:#9aa5b1;font-size:13px}
.chart .bar{fill:#4a86c5}
.chart .bar:hover{fill:var(--accent)}
.chart .ln{fill:none;stroke:var(--accent);stroke-width:1.4;stroke-linejoin:round}
.chart.mini .ln{stroke-width:1.2}
.chart .axis{stroke:#9aa5b1;fill:none}
.chart .gl{stroke:#edf0f3;fill:none}
.chart .band{fill:#dbe7f5}
.chart .stem{stroke:#4a86c5;fill:none}
.chart .gap{fill:var(--alert-soft);stroke:#f3b8b2}
.chart .track{fill:#f0f3f7}
.chart .mbar,.chart .cnt{fill:#4a86c5}
.chart .cnt.alert{fill:var(--alert)}
.chart .present{fill:#3d4b5c}
.chart .absent{fill:#fff}
.chart .pts{stroke:#2563a6;stroke-opacity:.55;stroke-width:3.5;stroke-linecap:round;fill:none}
.pct{display:inline-block;min-width:3.6em}
meter{width:110px;height:8px;vertical-align:middle;margin-right:.4rem;-webkit-appearance:none;appearance:none;background:#e8edf2;border:0;border-radius:2px}
meter::-webkit-meter-bar{background:#e8edf2;border:0;border-radius:2px;height:8px}
meter::-webkit-meter-optimum-value{background:#4a86c5;border-radius:2px}
meter::-moz-meter-bar{background:#4a86c5}
meter.alert::-webkit-meter-optimum-value{background:var(--alert)}
.pairs{display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(260px,1fr))}
.pairs figure{margin:0}
.pairs figcaption{font-size:12px;color:var(--muted);text-align:center}
.chart .bl{fill:#2563a6;fill-opacity:.45}
.chart .br{fill:#d9730d;fill-opacity:.5}
.chart .ll,.chart .lr{fill:none;stroke:#2563a6;stroke-width:1.6;stroke-linejoin:round}
.chart .lr{stroke:#d9730d}
.sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin:0 .3em 0 .6em;vertical-align:-.05em;background:#2563a6}
.sw.r{background:#d9730d}
tr.changed>td,tr.changed>th{background:var(--warn-soft)}
.verdict{font-weight:600}.verdict.bad{color:var(--alert)}.verdict.good{color:var(--ok)}
footer{color:var(--muted);font-size:12px;text-align:center;padding:.5rem 0 2rem}
table.index{table-layout:fixed;min-width:760px}
table.index th:nth-child(1){width:20%}table.index th:nth-child(2){width:17%}table.index th:nth-child(3),table.index th:nth-child(4){width:7%}table.index th:nth-child(5){width:15%}table.index th:nth-child(6){width:11%}
table.fleet{width:auto;border-collapse:separate;border-spacing:2px;font-size:12px}
table.fleet th{font-weight:500;color:var(--muted);border:0;padding:.1rem .35rem;white-space:nowrap;font-size:11px}
table.fleet tbody th{text-align:right;max-width:16em;overflow:hidden;text-overflow:ellipsis}
table.fleet td{border:0;padding:.1rem .35rem;text-align:center;border-radius:3px;white-space:nowrap;min-width:2.8em}
table.fleet td a{color:var(--ink)}
table.fleet td.a>a:first-child{color:var(--alert);font-weight:650}
table.fleet a.cmp{margin-left:.3em;color:var(--muted);font-size:10px}
.c-ok,.sw.c-ok{background:#cdebd9}.c-wa,.sw.c-wa{background:#fbd9a5}.c-dr,.sw.c-dr{background:#f3a59c}.c-no,.sw.c-no{background:#e6e9ed}
@media (max-width:700px){.brand span{display:none}main{padding:.6rem}section{padding:.8rem}.alerts li{flex-direction:column;gap:.2rem}.top nav a{padding:.3rem .4rem}}
@media print{.top{position:static}.tabs>.panel{display:block}.tabs>label{display:none}section{break-inside:avoid-page}}
""";

  /** The page's policy: nothing may load; only this stylesheet applies. */
  static final String POLICY =
      "default-src 'none'; style-src '" + sha256(STYLE) + "'; base-uri 'none'; form-action 'none'";

  static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\""
        + POLICY
        + "\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<meta name=\"referrer\" content=\"no-referrer\">"
        + "<title>"
        + Html.escape(title)
        + "</title><style>"
        + STYLE
        + "</style></head>";
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
