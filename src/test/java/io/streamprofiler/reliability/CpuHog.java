package io.streamprofiler.reliability;

/**
 * Keeps cores busy beside a test, as another job on the same machine would: {@code N} threads that
 * spin and allocate until the process is killed. Started as a separate JVM by {@link
 * RowsUnderLoadIT}.
 */
public final class CpuHog {
  private CpuHog() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                long x = 0;
                long[][] garbage = new long[64][];
                while (true) {
                  x += System.nanoTime() & 7;
                  if ((x & 0xfff) == 0) {
                    garbage[(int) (x >>> 12) & 63] = new long[512]; // some GC work too
                  }
                }
              },
              "hog-" + i);
      t.start();
    }
  }

  /** Starts a hog of {@code threads} threads in its own JVM. */
  static Process start(int threads) throws java.io.IOException {
    String javaBin =
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            javaBin, "-Xmx64m", "-cp", "target/test-classes", CpuHog.class.getName(), "" + threads)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
