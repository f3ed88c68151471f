package io.streamprofiler.source;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import io.streamprofiler.record.ColumnMapping;
import java.util.List;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

/**
 * A chunk crosses the shuffle with its lines and, when its file has a header of its own, its
 * mapping.
 */
public class SourceChunkCoderTest {
  private static final List<SourceLine> LINES =
      List.of(
          SourceLine.of("a.csv", 2, "1,a,2"),
          SourceLine.rejected("a.csv", 3, "1,a", "expected 3 fields, found 2"));

  @Test
  public void aChunkWithoutAMappingCostsOneByteMore() throws Exception {
    SourceChunk chunk = new SourceChunk(LINES);
    byte[] bytes = CoderUtils.encodeToByteArray(SourceChunkCoder.of(), chunk);
    assertThat(CoderUtils.decodeFromByteArray(SourceChunkCoder.of(), bytes), is(chunk));
    int lines = 0;
    for (SourceLine l : LINES) {
      lines += CoderUtils.encodeToByteArray(SourceLineCoder.of(), l).length;
    }
    assertThat(bytes.length, is(1 + lines + 1));
  }

  @Test
  public void aChunkKeepsItsMapping() throws Exception {
    SourceChunk chunk = new SourceChunk(LINES, new ColumnMapping(3, new int[] {2, 0, -1, 1}));
    assertThat(CoderUtils.clone(SourceChunkCoder.of(), chunk), is(chunk));
  }
}
