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
    assertThat(Html.escape("nul\u0000bell\u0007"), is("nul&#xFFFD;bell&#xFFFD;"));
    assertThat(Html.escape("c1\u0080\u009f"), is("c1&#xFFFD;&#xFFFD;"));
    assertThat(Html.escape("tab\tnl\ncr\rdel\u007f"), is("tab\tnl\ncr\rdel\u007f"));
    assertThat(Html.escape(null), is(""));
    assertThat(Html.escape("plain"), is("plain"));
  }

  @Test
  public void everyOtherNonAsciiCharacterIsAReferenceToItsCodePoint() {
    assertThat(Html.escape("\u00a0"), is("&#xA0;"));
    assertThat(Html.escape("Ger\u00e4t-\u00b5"), is("Ger&#xE4;t-&#xB5;"));
    assertThat(
        Html.escape("\u22123.7 \u00d7 10\u207b\u2075"),
        is("&#x2212;3.7 &#xD7; 10&#x207B;&#x2075;"));
    assertThat(Html.escape("\u2014"), is("&#x2014;"));
    assertThat(Html.escape("\uFFFF"), is("&#xFFFF;"));
    // a surrogate pair is one character, one reference
    assertThat(Html.escape("a\uD83D\uDE00b"), is("a&#x1F600;b"));
    assertThat(Html.escape("\uDBFF\uDFFF"), is("&#x10FFFF;"));
    // an unpaired surrogate is no character: the replacement character's reference
    assertThat(Html.escape("x\uD83D"), is("x&#xFFFD;"));
    assertThat(Html.escape("\uDE00x"), is("&#xFFFD;x"));
    assertThat(Html.escape("\uD83D\uD83D\uDE00"), is("&#xFFFD;&#x1F600;"));
    // markup and references together, and the append variant writes the same
    String mixed = "<\u00e9 & \"\uD83D\uDE00\">'";
    assertThat(Html.escape(mixed), is("&lt;&#xE9; &amp; &quot;&#x1F600;&quot;&gt;&#39;"));
    assertThat(
        Html.append(new StringBuilder("p:"), mixed).toString(), is("p:" + Html.escape(mixed)));
    assertThat(Html.append(new StringBuilder("p:"), "plain").toString(), is("p:plain"));
    assertThat(Html.append(new StringBuilder("p:"), null).toString(), is("p:"));
    // the reader sees the same text
    assertThat(
        PageText.visible(Html.escape("Ger\u00e4t \uD83D\uDE00 \u2212")),
        is("Ger\u00e4t \uD83D\uDE00 \u2212"));
  }

  @Test
  public void scriptStringsCannotCloseTheScript() {
    assertThat(
        Html.scriptString("</script><script>x"),
        is("\"\\u003c/script\\u003e\\u003cscript\\u003ex\""));
    assertThat(Html.scriptString("a\"b\\c\u2028"), is("\"a\\\"b\\\\c\\u2028\""));
    assertThat(Html.scriptString("\u00e9\uD83D\uDE00"), is("\"\\u00e9\\ud83d\\ude00\""));
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
