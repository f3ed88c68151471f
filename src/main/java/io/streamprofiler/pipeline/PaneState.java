package io.streamprofiler.pipeline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;

/**
 * The mergeable state of one profiled pane, with the window and pane it is of: what roll-ups and
 * the fleet profile merge instead of re-reading rows. {@code part} names what a newer pane
 * replaces: the window (its start) within a roll-up, the key within the fleet. The state travels as
 * its bytes: the DirectRunner copies the elements a window holds through their coder at every
 * access, and a copy of bytes is one array copy where a copy of the state was an encoding and a
 * decoding.
 */
record PaneState(String part, long startMicros, long endMicros, long paneIndex, byte[] state) {
  static final Coder<PaneState> CODER =
      new AtomicCoder<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public void encode(PaneState p, OutputStream out) throws IOException {
          DataOutputStream data = new DataOutputStream(out);
          data.writeUTF(p.part());
          data.writeLong(p.startMicros());
          data.writeLong(p.endMicros());
          data.writeLong(p.paneIndex());
          data.flush();
          ByteArrayCoder.of().encode(p.state(), out);
        }

        @Override
        public PaneState decode(InputStream in) throws IOException {
          DataInputStream data = new DataInputStream(in);
          String part = data.readUTF();
          long start = data.readLong();
          long end = data.readLong();
          long pane = data.readLong();
          return new PaneState(part, start, end, pane, ByteArrayCoder.of().decode(in));
        }

        @Override
        public void verifyDeterministic() {}
      };
}
