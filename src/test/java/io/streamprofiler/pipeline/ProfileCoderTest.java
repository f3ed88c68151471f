package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.Assert.assertThrows;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.render.JsonReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

public class ProfileCoderTest {
  private final ProfileCoder coder = new ProfileCoder();

  @Test
  public void realProfilesComeBackEqualWithTheirNumberTypesAndKeyOrder() throws Exception {
    for (String name : List.of("profile-b8.json", "profile-00.json", "profile-1c.json")) {
      Profile profile = JsonReport.read(resource("/render/" + name));
      byte[] bytes = CoderUtils.encodeToByteArray(coder, profile);
      Profile back = CoderUtils.decodeFromByteArray(coder, bytes);

      assertThat(name, back.context(), is(profile.context()));
      assertThat(name, back.tree(), is(profile.tree()));
      assertThat(name, typesOf(back.tree()), is(typesOf(profile.tree())));
      assertThat(
          name,
          List.copyOf(back.variables().keySet()),
          is(List.copyOf(profile.variables().keySet())));
      assertThat("deterministic", CoderUtils.encodeToByteArray(coder, back), is(bytes));
      assertThat(
          "smaller than Java serialisation", bytes.length, lessThan(javaSerialised(profile)));
    }
  }

  @Test
  public void theDriftStepsBytesAreTheCodersOwn() throws Exception {
    // State written through the coder and bytes made by toBytes must read back with either.
    Profile profile = JsonReport.read(resource("/render/profile-b8.json"));
    byte[] viaCoder = CoderUtils.encodeToByteArray(coder, profile);
    assertThat(Arrays.equals(ProfileCoder.toBytes(profile), viaCoder), is(true));
    assertThat(ProfileCoder.fromBytes(viaCoder).tree(), is(profile.tree()));
    assertThat(ProfileCoder.contextOf(viaCoder), is(profile.context()));
  }

  @Test
  public void aValueThatIsNotJsonIsRefusedByName() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("when", java.time.Instant.EPOCH);
    Profile odd = new Profile(new WindowContext("k", 0, 1, 0, "ON_TIME", true, 0), tree);
    CoderException e =
        assertThrows(CoderException.class, () -> CoderUtils.encodeToByteArray(coder, odd));
    assertThat(e.getMessage(), containsString("java.time.Instant"));
  }

  @Test
  public void truncatedBytesFailAsAnIoError() throws Exception {
    Profile profile = JsonReport.read(resource("/render/profile-b8.json"));
    byte[] bytes = CoderUtils.encodeToByteArray(coder, profile);
    byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
    assertThrows(IOException.class, () -> coder.decode(new ByteArrayInputStream(cut)));
    ByteArrayOutputStream odd = new ByteArrayOutputStream();
    Profile empty = new Profile(new WindowContext("k", 0, 1, 0, "ON_TIME", true, 0), Map.of());
    coder.encode(empty, odd);
    byte[] unknownTag = odd.toByteArray();
    unknownTag[unknownTag.length - 2] = 42; // the tree's tag, before its one-byte size (0)

    CoderException e =
        assertThrows(
            CoderException.class, () -> coder.decode(new ByteArrayInputStream(unknownTag)));
    assertThat(e.getMessage(), containsString("unknown tag 42"));
  }

  /** The tree with every leaf replaced by its class name. */
  private static Object typesOf(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(k, typesOf(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ProfileCoderTest::typesOf).toList();
    }
    return v == null ? "null" : v.getClass().getName();
  }

  private static int javaSerialised(Profile p) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    return bytes.size();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = ProfileCoderTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
