package io.streamprofiler.pipeline;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.profile.WindowContext;
import io.streamprofiler.record.Blob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;

/**
 * Carries a {@link Profile} between steps as a compact tagged encoding of its JSON-shaped tree:
 * each value is one tag byte and its payload, and every map key is written once per profile, then
 * referred to by number (a profile repeats {@code mean}, {@code std}, ... once per column). It is
 * several times faster and smaller than Java serialisation, which profiles of every window pay at
 * each step boundary a runner does not fuse. Deterministic: equal trees give equal bytes, which is
 * what Beam's mutation checks compare.
 */
final class ProfileCoder extends AtomicCoder<Profile> {
  private static final long serialVersionUID = 1L;

  private static final int NULL = 0;
  private static final int TRUE = 1;
  private static final int FALSE = 2;
  private static final int LONG = 3;
  private static final int INT = 4;
  private static final int DOUBLE = 5;
  private static final int STRING = 6;
  private static final int LIST = 7;
  private static final int MAP = 8;

  @Override
  public void encode(Profile profile, OutputStream out) throws IOException {
    block(profile).writeTo(out);
  }

  @Override
  public Profile decode(InputStream in) throws IOException {
    return profile(Blob.read(in));
  }

  private static Blob.Writer block(Profile profile) throws CoderException {
    Blob.Writer data = new Blob.Writer(128 * 1024);
    WindowContext c = profile.context();
    data.writeString(c.key());
    data.writeLong(c.startMicros());
    data.writeLong(c.endMicros());
    data.writeLong(c.paneIndex());
    data.writeString(c.timing());
    data.writeByte(c.isLast() ? 1 : 0);
    data.writeLong(c.lateRows());
    data.writeLong(c.firedAtMillis());
    new Writer(data).value(profile.tree());
    return data;
  }

  private static Profile profile(Blob.Reader data) throws CoderException {
    WindowContext c = context(data);
    Object tree = new Reader(data).value();
    if (!(tree instanceof Map)) {
      throw new CoderException("a profile's tree is not a map");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) tree;
    return new Profile(c, map);
  }

  private static WindowContext context(Blob.Reader data) throws CoderException {
    return new WindowContext(
        data.readString(),
        data.readLong(),
        data.readLong(),
        data.readLong(),
        data.readString(),
        data.readByte() == 1,
        data.readLong(),
        data.readLong());
  }

  // The drift step receives and keeps profiles as these bytes (the coder's own, so state written
  // with either reads back with both); read in place, never copied first.

  /** The profile as this coder's bytes. */
  static byte[] toBytes(Profile profile) {
    try {
      return block(profile).toByteArray();
    } catch (CoderException e) {
      throw new IllegalStateException("a profile could not be encoded", e);
    }
  }

  static Profile fromBytes(byte[] encoded) {
    try {
      return profile(Blob.read(encoded));
    } catch (CoderException e) {
      throw new IllegalStateException("an encoded profile could not be read back", e);
    }
  }

  /**
   * The window of an encoded profile, read without decoding its tree (the context comes first): the
   * drift step orders the profiles it holds by it.
   */
  static WindowContext contextOf(byte[] encoded) {
    try {
      return context(Blob.read(encoded));
    } catch (CoderException e) {
      throw new IllegalStateException("an encoded profile could not be read back", e);
    }
  }

  /** Writes values; remembers each map key it wrote and its number. */
  private static final class Writer {
    private final Blob.Writer out;
    private final Map<String, Integer> keys = new HashMap<>();

    Writer(Blob.Writer out) {
      this.out = out;
    }

    void value(Object v) throws CoderException {
      if (v == null) {
        out.writeByte(NULL);
      } else if (v instanceof Boolean b) {
        out.writeByte(b ? TRUE : FALSE);
      } else if (v instanceof Long l) {
        out.writeByte(LONG);
        out.writeLong(l);
      } else if (v instanceof Integer i) {
        out.writeByte(INT);
        out.writeInt(i);
      } else if (v instanceof Double d) {
        out.writeByte(DOUBLE);
        out.writeDouble(d);
      } else if (v instanceof String s) {
        out.writeByte(STRING);
        out.writeString(s);
      } else if (v instanceof List<?> list) {
        out.writeByte(LIST);
        out.writeVarLong(list.size());
        for (Object item : list) {
          value(item);
        }
      } else if (v instanceof Map<?, ?> map) {
        out.writeByte(MAP);
        out.writeVarLong(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.writeText((String) e.getKey(), keys);
          value(e.getValue());
        }
      } else {
        throw new CoderException("a profile holds a " + v.getClass().getName() + ": not JSON");
      }
    }
  }

  private static final class Reader {
    private final Blob.Reader in;
    private final List<String> keys = new ArrayList<>();

    Reader(Blob.Reader in) {
      this.in = in;
    }

    Object value() throws CoderException {
      int tag = in.readByte();
      switch (tag) {
        case NULL:
          return null;
        case TRUE:
          return Boolean.TRUE;
        case FALSE:
          return Boolean.FALSE;
        case LONG:
          return in.readLong();
        case INT:
          return in.readInt();
        case DOUBLE:
          return in.readDouble();
        case STRING:
          return in.readString();
        case LIST:
          {
            int n = in.readCount();
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
              list.add(value());
            }
            return Collections.unmodifiableList(list);
          }
        case MAP:
          {
            int n = in.readCount();
            Map<String, Object> map = new LinkedHashMap<>(n * 4 / 3 + 1);
            for (int i = 0; i < n; i++) {
              String key = in.readText(keys);
              map.put(key, value());
            }
            return Collections.unmodifiableMap(map);
          }
        default:
          throw new CoderException("not a profile: unknown tag " + tag);
      }
    }
  }
}
