package io.streamprofiler.runners;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprofiler.pipeline.ProfilerOptions;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.junit.Test;

/**
 * runners/dataflow/metadata.json, the Flex Template's parameter list, is exactly what {@link
 * ProfilerOptions} declares: one parameter per option, its description and default as help text.
 * When an option changes, regenerate the file with {@code mvn -B test
 * -Dtest=FlexTemplateMetadataTest -DupdateMetadata=true}.
 */
public class FlexTemplateMetadataTest {
  static final Path FILE = RunnerTestSupport.PROJECT.resolve("runners/dataflow/metadata.json");
  private static final List<String> FIRST = List.of("input", "output");

  /** Paths the Dataflow workers read and write: required there, and in Cloud Storage. */
  private static final List<String> CLOUD_PATHS = List.of("input", "output");

  @Test
  public void metadataDeclaresEveryProfilerOption() throws IOException {
    String expected = generate();
    if (Boolean.getBoolean("updateMetadata")) {
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
    }
    String actual = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
    assertEquals(
        FILE
            + " is out of date with ProfilerOptions; regenerate it with "
            + "mvn -B test -Dtest=FlexTemplateMetadataTest -DupdateMetadata=true",
        expected,
        actual);
  }

  static String generate() throws IOException {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("name", "Stream Profiler");
    root.put(
        "description",
        "Data-quality profiles of a stream per key and event-time window, as JSON and HTML reports. "
            + "Generated from io.streamprofiler.pipeline.ProfilerOptions; Dataflow's own options "
            + "(project, region, workers, ...) are set when the template is run.");
    ArrayNode parameters = root.putArray("parameters");
    for (Method getter : getters()) {
      String name = optionName(getter);
      ObjectNode p = parameters.addObject();
      p.put("name", name);
      p.put("label", label(name));
      String help = getter.getAnnotation(Description.class).value();
      String fallback = defaultValue(getter);
      String regex = regex(getter.getReturnType());
      if (CLOUD_PATHS.contains(name)) {
        p.put("helpText", help + " On Dataflow a Cloud Storage path, gs://BUCKET/...");
        p.put("isOptional", false);
        regex = "^gs://[^/]+/.+$";
      } else {
        p.put(
            "helpText",
            fallback == null
                ? help
                : help + " Default: " + (fallback.isEmpty() ? "(empty)" : fallback) + ".");
        p.put("isOptional", fallback != null);
      }
      if (regex != null) {
        p.putArray("regexes").add(regex);
      }
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    printer = printer.withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return json.writer(printer).writeValueAsString(root) + "\n";
  }

  /** The options' getters: input and output first, then by name, so the file does not churn. */
  private static List<Method> getters() {
    List<Method> getters = new ArrayList<>();
    for (Method m : ProfilerOptions.class.getDeclaredMethods()) {
      if ((m.getName().startsWith("get") || m.getName().startsWith("is"))
          && m.getParameterCount() == 0) {
        if (m.getAnnotation(Description.class) == null) {
          throw new AssertionError(
              m.getName() + " has no @Description: the template's help text comes from it");
        }
        getters.add(m);
      }
    }
    getters.sort(
        Comparator.comparingInt(
                (Method m) ->
                    FIRST.contains(optionName(m)) ? FIRST.indexOf(optionName(m)) : FIRST.size())
            .thenComparing(FlexTemplateMetadataTest::optionName));
    return getters;
  }

  private static String optionName(Method getter) {
    String n =
        getter.getName().startsWith("is")
            ? getter.getName().substring(2)
            : getter.getName().substring(3);
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  /** {@code keyColumn} → {@code Key column}. */
  private static String label(String name) {
    StringBuilder b = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        b.append(' ').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.substring(0, 1).toUpperCase(Locale.ROOT) + b.substring(1);
  }

  private static String defaultValue(Method getter) {
    if (getter.getAnnotation(Default.String.class) != null) {
      return getter.getAnnotation(Default.String.class).value();
    }
    if (getter.getAnnotation(Default.Integer.class) != null) {
      return Integer.toString(getter.getAnnotation(Default.Integer.class).value());
    }
    if (getter.getAnnotation(Default.Long.class) != null) {
      return Long.toString(getter.getAnnotation(Default.Long.class).value());
    }
    if (getter.getAnnotation(Default.Double.class) != null) {
      return stripZero(Double.toString(getter.getAnnotation(Default.Double.class).value()));
    }
    if (getter.getAnnotation(Default.Boolean.class) != null) {
      return Boolean.toString(getter.getAnnotation(Default.Boolean.class).value());
    }
    if (getter.getAnnotation(Default.Enum.class) != null) {
      return getter.getAnnotation(Default.Enum.class).value();
    }
    return null; // no default: the parameter is required
  }

  private static String stripZero(String d) {
    return d.endsWith(".0") ? d.substring(0, d.length() - 2) : d;
  }

  private static String regex(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "^-?[0-9]+$";
    }
    if (type == Double.class || type == double.class) {
      return "^-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "^(true|false)$";
    }
    return null;
  }
}
