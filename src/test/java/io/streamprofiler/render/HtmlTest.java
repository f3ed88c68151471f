package io.streamprofiler.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.Test;

public class HtmlTest {
  @Test
  public void escapesMarkupQuotesAndControls() {
    assertThat(
        Html.escape("<script>alert(1)</script>"), is("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertThat(
        Html.escape("\"><img src=x onerror=alert(1)>"),
        is("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assertThat(Html.escape("a'b&c"), is("a&#39;b&amp;c"));
    assertThat(Html.escape("nul\u0000bell\u0007"), is("nul\uFFFDbell\uFFFD"));
    assertThat(Html.escape(null), is(""));
    assertThat(Html.escape("plain"), is("plain"));
  }

  @Test
  public void scriptStringsCannotCloseTheScript() {
    assertThat(
        Html.scriptString("</script><script>x"),
        is("\"\\u003c/script\\u003e\\u003cscript\\u003ex\""));
    assertThat(Html.scriptString("a\"b\\c\u2028"), is("\"a\\\"b\\\\c\\u2028\""));
    assertThat(Html.scriptString(null), is("null"));
  }

  @Test
  public void onlyRelativeLinksSurvive() {
    assertThat(Html.relativeHref("javascript:alert(1)"), is(nullValue()));
    assertThat(Html.relativeHref("JavaScript:alert(1)"), is(nullValue()));
    assertThat(Html.relativeHref("data:text/html,x"), is(nullValue()));
    assertThat(Html.relativeHref("//evil.example/x"), is(nullValue()));
    assertThat(Html.relativeHref("\\\\evil"), is(nullValue()));
    assertThat(Html.relativeHref(""), is(nullValue()));
    assertThat(
        Html.relativeHref("b8_27-bd78baaa13bf4845/20200712T000000Z_pane0.html"),
        is("b8_27-bd78baaa13bf4845/20200712T000000Z_pane0.html"));
    assertThat(Html.relativeHref("a b/\"x\"<y>.html"), is("a%20b/%22x%22%3Cy%3E.html"));
    assertThat(Html.relativeHref("dir/a:b.html"), is("dir/a%3Ab.html"));
  }

  @Test
  public void shortenKeepsSurrogatePairs() {
    assertThat(Html.shorten("abcdef", 4), is("abc…"));
    assertThat(Html.shorten("😀😀😀😀😀", 3), is("😀😀…"));
    assertThat(Html.shorten("abc", 3), is("abc"));
  }
}
