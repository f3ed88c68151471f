package io.streamprofiler.render;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.Tree;
import java.util.Map;

/** A profile as one self-contained HTML page: inline CSS, no scripts or remote loads. */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(Profile profile) {
    StringBuilder b = new StringBuilder(32_768);
    Map<String, Object> window = profile.section("window");
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
        .append("<title>").append(Html.escape(profile.context().key())).append("</title></head><body>")
        .append("<h1>").append(Html.escape(profile.context().key())).append("</h1>")
        .append("<p>").append(Html.escape(String.valueOf(window.get("start")))).append(" – ")
        .append(Html.escape(String.valueOf(window.get("end")))).append("</p><table>");
    for (Map.Entry<String, Map<String, Object>> v : profile.variables().entrySet()) {
      b.append("<tr><th>").append(Html.escape(v.getKey())).append("</th><td>")
          .append(Html.escape(String.valueOf(v.getValue().get("type")))).append("</td><td>")
          .append(Tree.number(v.getValue(), "count")).append("</td></tr>");
    }
    return b.append("</table></body></html>\n").toString();
  }
}
