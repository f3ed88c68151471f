package io.streamprofiler.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.render.JsonReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The drift step's kept windows: encoded in state, decoded when read, equal to what was put. */
public class KeptWindowsTest {
  private static final long HOUR = 3_600_000_000L;

  @Test
  public void profilesComeBackEqualFromTheirEncodedState() throws IOException {
    Profile a = profile("profile-b8.json", 0);
    Profile b = profile("profile-00.json", 1);
    KeptWindows kept = new KeptWindows(null);
    kept.put(0, a);
    kept.put(HOUR, b);
    Map<Long, byte[]> state = kept.toState();

    KeptWindows read = new KeptWindows(state);
    assertThat(read.before(HOUR).tree(), is(a.tree()));
    assertThat(read.before(HOUR).context(), is(a.context()));
    assertThat(read.after(0).tree(), is(b.tree()));
    assertThat(read.get(2 * HOUR), is(nullValue()));
    assertThat(read.before(0), is(nullValue()));
    assertThat(read.after(HOUR), is(nullValue()));
  }

  @Test
  public void aWindowReadButNotReplacedKeepsItsBytesAndANewOneIsEncoded() throws IOException {
    KeptWindows kept = new KeptWindows(null);
    kept.put(0, profile("profile-b8.json", 0));
    Map<Long, byte[]> state = kept.toState();
    byte[] first = state.get(0L);

    KeptWindows next = new KeptWindows(state);
    next.before(HOUR); // decoded to compare
    next.put(HOUR, profile("profile-00.json", 1));
    Map<Long, byte[]> written = next.toState();
    assertThat(written.get(0L), is(sameInstance(first)));
    assertThat(written.get(HOUR), is(not(nullValue())));
    assertThat(List.copyOf(written.keySet()), contains(0L, HOUR));
  }

  @Test
  public void aProfilePutWithItsBytesIsKeptAsThoseBytes() throws IOException {
    Profile p = profile("profile-00.json", 1);
    byte[] encoded = ProfileCoder.toBytes(p);
    KeptWindows kept = new KeptWindows(null);
    kept.put(HOUR, p, encoded);
    assertThat(kept.get(HOUR), is(sameInstance(p)));
    assertThat(kept.toState().get(HOUR), is(sameInstance(encoded))); // not encoded again
    assertThat(ProfileCoder.fromBytes(encoded).tree(), is(p.tree()));
  }

  @Test
  public void theWindowOfEncodedBytesIsReadWithoutTheTree() throws IOException {
    Profile p = profile("profile-1c.json", 5);
    assertThat(ProfileCoder.contextOf(ProfileCoder.toBytes(p)), is(p.context()));
  }

  @Test
  public void onlyTheNewestWindowsAreKept() throws IOException {
    Profile p = profile("profile-1c.json", 0);
    KeptWindows kept = new KeptWindows(null);
    for (int h = 4; h >= 0; h--) {
      kept.put(h * HOUR, p);
    }
    kept.keepNewest(3);
    assertThat(List.copyOf(kept.toState().keySet()), contains(2 * HOUR, 3 * HOUR, 4 * HOUR));
  }

  @Test
  public void encodedIsSmallerThanTheProfileAsJson() throws IOException {
    String json = resource("/render/profile-b8.json");
    KeptWindows kept = new KeptWindows(null);
    kept.put(0, JsonReport.read(json));
    assertThat(kept.toState().get(0L).length, lessThan(json.length() / 2));
  }

  private static Profile profile(String name, int hour) throws IOException {
    Profile p = JsonReport.read(resource("/render/" + name));
    WindowContext c = p.context();
    return new Profile(
        new WindowContext(
            c.key(),
            hour * HOUR,
            (hour + 1) * HOUR,
            c.paneIndex(),
            c.timing(),
            c.isLast(),
            c.lateRows()),
        p.tree());
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = KeptWindowsTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
