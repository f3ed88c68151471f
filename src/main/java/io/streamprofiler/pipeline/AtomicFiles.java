package io.streamprofiler.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.List;
import java.util.UUID;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Writes a file under the output directory through a temporary file beside it and a rename, with
 * Beam's {@link FileSystems} (local disks and the runners' object stores alike): a reader never
 * sees half a file, and writing the same file again (a retried bundle) leaves it whole.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * @param path relative to {@code outputDirectory}, '/'-separated
   * @return the file's full name
   */
  static String write(String outputDirectory, String path, byte[] content) throws IOException {
    ResourceId dir = FileSystems.matchNewResource(outputDirectory, true);
    int slash = path.lastIndexOf('/');
    if (slash >= 0) {
      dir = dir.resolve(path.substring(0, slash), StandardResolveOptions.RESOLVE_DIRECTORY);
    }
    String name = path.substring(slash + 1);
    ResourceId temp =
        dir.resolve(
            "." + name + "-" + UUID.randomUUID() + ".tmp", StandardResolveOptions.RESOLVE_FILE);
    ResourceId target = dir.resolve(name, StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, MimeTypes.BINARY))) {
      out.write(content);
    }
    // No move options: the temporary file was just written, and with any option Beam's local file
    // system throws, catches and checks every source's existence before it renames.
    FileSystems.rename(List.of(temp), List.of(target));
    return target.toString();
  }
}
