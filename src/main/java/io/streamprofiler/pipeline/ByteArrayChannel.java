package io.streamprofiler.pipeline;

import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * A channel that collects what is written to it in memory, with no lock and no interruption check
 * per write: Parquet writes a file's footer a byte at a time, and the JDK's channel over a {@code
 * ByteArrayOutputStream} paid both for every byte, a third of the time spent writing the metrics
 * table (issue 19). One thread writes; {@link #toByteArray} is read after it is done.
 */
final class ByteArrayChannel implements WritableByteChannel {
  private byte[] bytes;
  private int size;
  private boolean open = true;

  ByteArrayChannel(int capacity) {
    this.bytes = new byte[capacity];
  }

  @Override
  public int write(ByteBuffer src) throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
    int n = src.remaining();
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + n, bytes.length * 2));
    }
    src.get(bytes, size, n);
    size += n;
    return n;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
