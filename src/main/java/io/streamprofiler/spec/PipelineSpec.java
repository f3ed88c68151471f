package io.streamprofiler.spec;

import io.streamprofiler.record.ColumnType;
import io.streamprofiler.record.Durations;
import io.streamprofiler.record.Schema;
import io.streamprofiler.record.TimestampFormat;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A pipeline spec ({@code pipelines/*.yaml}, documented in {@code pipelines/README.md}) read and
 * checked into the pipeline options it stands for, each remembered with the line and field it came
 * from. Nothing here builds a pipeline: the options go through the same parsing and checks as the
 * command line's, so a spec and the flags it stands for run the same job.
 *
 * <p>Every mistake is a {@link SpecException} whose message names the file, the line and the field:
 * {@code pipelines/x.yaml:12: window.size: "1 hour" is not a duration; write 1h or PT1H}.
 */
public final class PipelineSpec {
  /**
   * One option the spec sets: its value as the command line would carry it, and where it was
   * written.
   */
  public record Setting(String option, String value, String field, int line) {}

  /** A column the spec names, to be found in the stream's header. */
  record ColumnRef(String name, String field, int line, Set<String> options) {}

  private static final List<String> TOP =
      List.of(
          "name",
          "description",
          "source",
          "columns",
          "missing",
          "timestamp",
          "key",
          "window",
          "statistics",
          "correlations",
          "alerts",
          "output");
  private static final List<String> SOURCE =
      List.of("type", "path", "maxLineLength", "replay", "kafka");
  private static final List<String> REPLAY = List.of("speed", "follow");
  private static final List<String> KAFKA =
      List.of(
          "bootstrapServers",
          "topics",
          "groupId",
          "startFrom",
          "format",
          "header",
          "brokerTimestamp",
          "properties",
          "propertiesFile",
          "maxRecords",
          "maxReadTime");
  private static final List<String> COLUMN = List.of("name", "type", "missing", "description");
  private static final List<String> TIMESTAMP = List.of("column", "columns", "format", "zone");
  private static final List<String> KEY = List.of("column", "columns", "separator");
  private static final List<String> WINDOW =
      List.of(
          "size",
          "allowedLateness",
          "maxOutOfOrderness",
          "earlyFiring",
          "rollups",
          "fleet",
          "exactMaxRows");
  private static final List<String> STATISTICS =
      List.of("maxLags", "significance", "timeSeriesAutocorrelation", "categoricalMaxDistinct");
  private static final List<String> CORRELATIONS = List.of("methods", "threshold");
  private static final List<String> METHODS =
      List.of("pearson", "spearman", "kendall", "cramers", "auto");
  private static final List<String> ALERTS =
      List.of(
          "missing", "zeros", "infinite", "skewness", "imbalance", "highCardinality", "uniform");
  private static final List<String> OUTPUT =
      List.of("directory", "quiet", "alertsTopic", "metricsTable");

  private final String file;
  private final Map<String, Setting> settings = new LinkedHashMap<>();
  private final List<ColumnRef> columnRefs = new ArrayList<>();
  private final List<String> declaredColumns = new ArrayList<>();
  private String name;

  private PipelineSpec(String file) {
    this.file = file;
  }

  /** Reads and checks a spec file. @throws SpecException naming the file, line and field */
  public static PipelineSpec load(String file) {
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new SpecException(file + ": cannot read the pipeline spec: " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Checks a spec given as text; {@code file} is the name its messages use. */
  public static PipelineSpec parse(String file, String text) {
    PipelineSpec spec = new PipelineSpec(file);
    Node root;
    try {
      LoaderOptions loader = new LoaderOptions();
      loader.setAllowDuplicateKeys(true); // reported below, with the field's line
      root = new Yaml(loader).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 1;
      throw new SpecException(file + ":" + line + ": not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new SpecException(file + ": not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      throw new SpecException(file + ":1: the spec is empty; it needs at least a source");
    }
    spec.root(root);
    return spec;
  }

  public String file() {
    return file;
  }

  /** The spec's {@code name}, or the file name without its extension. */
  public String name() {
    if (name != null) {
      return name;
    }
    String base = Path.of(file).getFileName().toString();
    return base.replaceFirst("\\.ya?ml$", "");
  }

  /** The options the spec sets, by option name, in the order written. */
  public Map<String, Setting> settings() {
    return settings;
  }

  /** The names under {@code columns}, in the order written. */
  public List<String> declaredColumns() {
    return declaredColumns;
  }

  /**
   * Checks every column the spec names against the stream's header, skipping those whose options
   * the command line overrides.
   */
  void checkColumns(List<String> header, String where, Set<String> overridden) {
    for (ColumnRef ref : columnRefs) {
      if (overridden.containsAll(ref.options())) {
        continue;
      }
      if (!header.contains(ref.name())) {
        throw error(
            ref.line(),
            ref.field(),
            "no column \"" + ref.name() + "\" in " + where + "; it has " + header);
      }
    }
  }

  /**
   * A message of the options' checks ({@code --windowSize=...: why}) said of the spec field the
   * option came from, or null when the option did not come from the spec.
   */
  String locate(String message, Set<String> overridden) {
    if (message == null || !message.startsWith("--")) {
      return null;
    }
    for (Setting s : settings.values()) {
      if (overridden.contains(s.option())) {
        continue;
      }
      String withValue = "--" + s.option() + "=" + s.value() + ": ";
      String bare = "--" + s.option() + ": ";
      String rest = null;
      if (message.startsWith(withValue)) {
        rest = message.substring(withValue.length());
      } else if (message.startsWith(bare)) {
        rest = message.substring(bare.length());
      } else if (message.startsWith("--" + s.option() + "=")) {
        int colon = message.indexOf(": ", s.option().length() + 3);
        rest = colon < 0 ? null : message.substring(colon + 2);
      }
      if (rest != null) {
        return file + ":" + s.line() + ": " + s.field() + ": " + rest;
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // The walk over the document

  private void root(Node node) {
    Map<String, Node> top = fields(node, "", "the spec", TOP);
    if (top.containsKey("name")) {
      name = text(top.get("name"), "name");
    }
    if (top.containsKey("description")) {
      text(top.get("description"), "description");
    }
    String sourceType = "replay";
    if (top.containsKey("source")) {
      sourceType = source(top.get("source"));
    }
    if (top.containsKey("columns")) {
      columns(top.get("columns"), sourceType);
    }
    if (top.containsKey("missing")) {
      Node n = top.get("missing");
      List<Located> tokens = list(n, "missing", true);
      for (Located t : tokens) {
        if (t.text().contains(",")) {
          throw error(
              t.line(),
              t.field(),
              "\""
                  + t.text()
                  + "\": a stream-wide missing token cannot hold a comma; "
                  + "give it in columns[].missing");
        }
      }
      set(
          "missingValues",
          String.join(",", tokens.stream().map(Located::text).toList()),
          "missing",
          n);
    }
    if (top.containsKey("timestamp")) {
      timestamp(top.get("timestamp"));
    }
    if (top.containsKey("key")) {
      key(top.get("key"));
    }
    if (top.containsKey("window")) {
      Map<String, Node> w = fields(top.get("window"), "window", "the windowing", WINDOW);
      duration(w, "window", "size", "windowSize", true);
      duration(w, "window", "allowedLateness", "allowedLateness", false);
      duration(w, "window", "maxOutOfOrderness", "maxOutOfOrderness", false);
      duration(w, "window", "earlyFiring", "earlyFiringInterval", false);
      if (w.containsKey("rollups")) {
        for (Located r : list(w.get("rollups"), "window.rollups", false)) {
          try {
            Durations.parse(r.text());
          } catch (IllegalArgumentException e) {
            throw error(
                r.line(), r.field(), "\"" + r.text() + "\" is not a duration; write 1d or P1D");
          }
        }
        setList("rollups", w.get("rollups"), "window.rollups");
      }
      bool(w, "window", "fleet", "fleet");
      whole(w, "window", "exactMaxRows", "exactMaxRows");
    }
    if (top.containsKey("statistics")) {
      Map<String, Node> s =
          fields(top.get("statistics"), "statistics", "the statistics", STATISTICS);
      whole(s, "statistics", "maxLags", "maxLags");
      share(s, "statistics", "significance", "significance");
      share(s, "statistics", "timeSeriesAutocorrelation", "timeSeriesAutocorrelation");
      whole(s, "statistics", "categoricalMaxDistinct", "categoricalMaxDistinct");
    }
    if (top.containsKey("correlations")) {
      Map<String, Node> c =
          fields(top.get("correlations"), "correlations", "the correlations", CORRELATIONS);
      if (c.containsKey("methods")) {
        List<String> methods = new ArrayList<>();
        for (Located m : list(c.get("methods"), "correlations.methods", false)) {
          String method = m.text().trim().toLowerCase(Locale.ROOT);
          if (!METHODS.contains(method)) {
            throw error(
                m.line(),
                m.field(),
                "\""
                    + m.text()
                    + "\" is not a correlation; choose from "
                    + String.join(", ", METHODS));
          }
          methods.add(method);
        }
        set("correlations", String.join(",", methods), "correlations.methods", c.get("methods"));
      }
      share(c, "correlations", "threshold", "correlationThreshold");
    }
    if (top.containsKey("alerts")) {
      Map<String, Node> a = fields(top.get("alerts"), "alerts", "the alert thresholds", ALERTS);
      share(a, "alerts", "missing", "missingThreshold");
      share(a, "alerts", "zeros", "zerosThreshold");
      share(a, "alerts", "infinite", "infiniteThreshold");
      number(a, "alerts", "skewness", "skewnessThreshold");
      share(a, "alerts", "imbalance", "imbalanceThreshold");
      whole(a, "alerts", "highCardinality", "highCardinalityThreshold");
      share(a, "alerts", "uniform", "uniformThreshold");
    }
    if (top.containsKey("output")) {
      Map<String, Node> o = fields(top.get("output"), "output", "the outputs", OUTPUT);
      path(o, "output", "directory", "output");
      bool(o, "output", "quiet", "quiet");
      if (o.containsKey("alertsTopic")) {
        set(
            "alertsTopic",
            text(o.get("alertsTopic"), "output.alertsTopic"),
            "output.alertsTopic",
            o.get("alertsTopic"));
      }
      path(o, "output", "metricsTable", "metricsTable");
    }
  }

  private String source(Node node) {
    Map<String, Node> s = fields(node, "source", "the source", SOURCE);
    String type = "replay";
    if (s.containsKey("type")) {
      type = choice(s.get("type"), "source.type", List.of("replay", "file", "kafka"));
      set("source", type, "source.type", s.get("type"));
    }
    if (s.containsKey("path")) {
      set("input", nonEmpty(s.get("path"), "source.path"), "source.path", s.get("path"));
    }
    whole(s, "source", "maxLineLength", "maxLineLength");
    if (s.containsKey("replay")) {
      Map<String, Node> r = fields(s.get("replay"), "source.replay", "the replay options", REPLAY);
      if (r.containsKey("speed")) {
        double speed = parseNumber(r.get("speed"), "source.replay.speed");
        if (speed < 0) {
          throw error(
              r.get("speed"), "source.replay.speed", "must be 0 (as fast as possible) or more");
        }
        set(
            "replaySpeed",
            text(r.get("speed"), "source.replay.speed"),
            "source.replay.speed",
            r.get("speed"));
      }
      bool(r, "source.replay", "follow", "follow");
    }
    if (s.containsKey("kafka")) {
      Map<String, Node> k = fields(s.get("kafka"), "source.kafka", "the Kafka options", KAFKA);
      if (k.containsKey("bootstrapServers")) {
        setList("bootstrapServers", k.get("bootstrapServers"), "source.kafka.bootstrapServers");
      }
      if (k.containsKey("topics")) {
        setList("topic", k.get("topics"), "source.kafka.topics");
      }
      if (k.containsKey("groupId")) {
        set(
            "groupId",
            nonEmpty(k.get("groupId"), "source.kafka.groupId"),
            "source.kafka.groupId",
            k.get("groupId"));
      }
      if (k.containsKey("startFrom")) {
        set(
            "startFrom",
                choice(k.get("startFrom"), "source.kafka.startFrom", List.of("earliest", "latest")),
            "source.kafka.startFrom", k.get("startFrom"));
      }
      if (k.containsKey("format")) {
        set(
            "format",
            choice(k.get("format"), "source.kafka.format", List.of("csv", "json")),
            "source.kafka.format",
            k.get("format"));
      }
      if (k.containsKey("header")) {
        List<Located> names = list(k.get("header"), "source.kafka.header", false);
        set(
            "csvHeader",
            Schema.joinList(names.stream().map(Located::text).toList()),
            "source.kafka.header",
            k.get("header"));
      }
      bool(k, "source.kafka", "brokerTimestamp", "kafkaTimestamp");
      if (k.containsKey("properties")) {
        Map<String, Node> props =
            fields(k.get("properties"), "source.kafka.properties", "Kafka client properties", null);
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, Node> p : props.entrySet()) {
          String field = "source.kafka.properties." + p.getKey();
          String value = text(p.getValue(), field);
          if (value.contains(",")) {
            throw error(
                p.getValue(),
                field,
                "a value with a comma cannot be passed on; put it in source.kafka.propertiesFile");
          }
          pairs.add(p.getKey() + "=" + value);
        }
        set(
            "kafkaProperty",
            String.join(",", pairs),
            "source.kafka.properties",
            k.get("properties"));
      }
      if (k.containsKey("propertiesFile")) {
        set(
            "kafkaPropertiesFile", nonEmpty(k.get("propertiesFile"), "source.kafka.propertiesFile"),
            "source.kafka.propertiesFile", k.get("propertiesFile"));
      }
      whole(k, "source.kafka", "maxRecords", "maxRecords");
      duration(k, "source.kafka", "maxReadTime", "maxReadTime", false);
    }
    return type;
  }

  private void columns(Node node, String sourceType) {
    if (!(node instanceof SequenceNode seq)) {
      throw error(
          node,
          "columns",
          "expected a list of columns (- name: ..., type: ...), found " + kind(node));
    }
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      String path = "columns[" + i + "]";
      Map<String, Node> c = fields(seq.getValue().get(i), path, "a column", COLUMN);
      if (!c.containsKey("name")) {
        throw error(seq.getValue().get(i), path, "a column needs a name");
      }
      String column = nonEmpty(c.get("name"), path + ".name");
      if (declaredColumns.contains(column)) {
        throw error(c.get("name"), path + ".name", "column \"" + column + "\" is listed twice");
      }
      declaredColumns.add(column);
      columnRefs.add(
          new ColumnRef(
              column,
              path + ".name",
              line(c.get("name")),
              Set.of("columnTypes", "columnMissingValues")));
      if (c.containsKey("type")) {
        String type = text(c.get("type"), path + ".type").trim();
        try {
          ColumnType.of(type);
        } catch (IllegalArgumentException e) {
          throw error(c.get("type"), path + ".type", e.getMessage());
        }
        if (!type.equals("auto")) {
          types.put(column, type);
        }
      }
      if (c.containsKey("missing")) {
        missing.put(
            column,
            list(c.get("missing"), path + ".missing", true).stream().map(Located::text).toList());
      }
      if (c.containsKey("description")) {
        text(c.get("description"), path + ".description");
      }
    }
    if (!types.isEmpty()) {
      set("columnTypes", Flow.mapping(types), "columns", node);
    }
    if (!missing.isEmpty()) {
      set("columnMissingValues", Flow.mapping(missing), "columns", node);
    }
    if (sourceType.equals("kafka")
        && !settings.containsKey("csvHeader")
        && !declaredColumns.isEmpty()) {
      set("csvHeader", Schema.joinList(declaredColumns), "columns", node);
    }
  }

  private void timestamp(Node node) {
    Map<String, Node> t = fields(node, "timestamp", "the event time", TIMESTAMP);
    List<Located> parts = columnList(t, "timestamp", "timestampColumn");
    String zone = "UTC";
    if (t.containsKey("zone")) {
      zone = text(t.get("zone"), "timestamp.zone").trim();
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        throw error(
            t.get("zone"),
            "timestamp.zone",
            "\""
                + zone
                + "\" is not a time zone; write UTC, +02:00 or a region such as Europe/Paris");
      }
      set("timeZone", zone, "timestamp.zone", t.get("zone"));
    }
    if (t.containsKey("format")) {
      String format = text(t.get("format"), "timestamp.format");
      try {
        TimestampFormat.of(format, zone);
      } catch (IllegalArgumentException e) {
        String why =
            e.getMessage().replaceFirst("^.*nor a valid java.time pattern \\((.*)\\)$", "$1");
        throw error(
            t.get("format"),
            "timestamp.format",
            "\""
                + format
                + "\" is not a timestamp format ("
                + why
                + "); write epoch_seconds, epoch_millis, iso or a java.time pattern such as yyyy-MM-dd HH:mm:ss");
      }
      if (parts != null && parts.size() > 1 && format.startsWith("epoch_")) {
        throw error(
            t.get("format"),
            "timestamp.format",
            format
                + " reads one column; a timestamp of several columns "
                + "needs a pattern for their values joined with spaces, such as yyyy M d H");
      }
      set("timestampFormat", format, "timestamp.format", t.get("format"));
    } else if (parts != null && parts.size() > 1) {
      throw error(
          node,
          "timestamp.format",
          "a timestamp of several columns needs a format: a pattern for their values "
              + "joined with spaces, such as yyyy M d H");
    }
  }

  private void key(Node node) {
    Map<String, Node> k = fields(node, "key", "the key", KEY);
    columnList(k, "key", "keyColumn");
    if (k.containsKey("separator")) {
      String separator = text(k.get("separator"), "key.separator");
      if (separator.isEmpty()) {
        throw error(k.get("separator"), "key.separator", "must not be empty");
      }
      set("keySeparator", separator, "key.separator", k.get("separator"));
    }
  }

  /**
   * {@code column: name} or {@code columns: [a, b]} of a section, set as one option; null when
   * neither.
   */
  private List<Located> columnList(Map<String, Node> section, String path, String option) {
    if (section.containsKey("column") && section.containsKey("columns")) {
      throw error(section.get("columns"), path + ".columns", "give column or columns, not both");
    }
    List<Located> names;
    Node node;
    if (section.containsKey("column")) {
      node = section.get("column");
      names = List.of(new Located(nonEmpty(node, path + ".column"), path + ".column", line(node)));
    } else if (section.containsKey("columns")) {
      node = section.get("columns");
      names = list(node, path + ".columns", false);
      if (names.isEmpty()) {
        throw error(node, path + ".columns", "name at least one column");
      }
    } else {
      return null;
    }
    for (Located n : names) {
      if (n.text().isEmpty()) {
        throw error(n.line(), n.field(), "a column name cannot be empty");
      }
      columnRefs.add(new ColumnRef(n.text(), n.field(), n.line(), Set.of(option)));
    }
    set(
        option,
        Schema.joinList(names.stream().map(Located::text).toList()),
        names.get(0).field().replaceFirst("\\[0\\]$", ""),
        node);
    return names;
  }

  // ---------------------------------------------------------------------------------------------
  // Typed fields

  private record Located(String text, String field, int line) {}

  /**
   * The fields of a mapping, each checked against {@code allowed} (null: any name) and given once.
   */
  private Map<String, Node> fields(Node node, String path, String what, List<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      String expected =
          allowed == null
              ? "a mapping of name: value"
              : "a mapping of " + String.join(", ", allowed);
      throw error(
          node,
          path.isEmpty() ? "(top level)" : path,
          "expected " + what + " as " + expected + ", found " + kind(node));
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw error(
            t.getKeyNode(),
            path.isEmpty() ? "(top level)" : path,
            "a field name must be plain text");
      }
      String field = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
      if (allowed != null && !allowed.contains(k.getValue())) {
        throw error(
            k,
            field,
            "unknown field; "
                + (path.isEmpty() ? "the spec" : path)
                + " has "
                + String.join(", ", allowed));
      }
      if (out.containsKey(k.getValue())) {
        throw error(k, field, "given twice");
      }
      out.put(k.getValue(), t.getValueNode());
    }
    return out;
  }

  private String text(Node node, String field) {
    if (!(node instanceof ScalarNode s)) {
      throw error(node, field, "expected a value, found " + kind(node));
    }
    if (s.getTag().equals(Tag.NULL)
        && !s.getValue().equals("null")
        && !s.getValue().equals("NULL")) {
      throw error(node, field, "has no value");
    }
    return s.getValue();
  }

  private String nonEmpty(Node node, String field) {
    String t = text(node, field);
    if (t.isBlank()) {
      throw error(node, field, "must not be empty");
    }
    return t;
  }

  /**
   * A scalar or a list of scalars; {@code tokens} keeps empty and null-looking scalars as written.
   */
  private List<Located> list(Node node, String field, boolean tokens) {
    List<Located> out = new ArrayList<>();
    if (node instanceof ScalarNode s) {
      out.add(new Located(tokens ? s.getValue() : text(s, field), field, line(s)));
      return out;
    }
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, field, "expected a value or a list [a, b], found " + kind(node));
    }
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node item = seq.getValue().get(i);
      String f = field + "[" + i + "]";
      if (!(item instanceof ScalarNode s)) {
        throw error(item, f, "expected a value, found " + kind(item));
      }
      out.add(new Located(tokens ? s.getValue() : text(s, f), f, line(s)));
    }
    return out;
  }

  private void setList(String option, Node node, String field) {
    List<Located> items = list(node, field, false);
    set(option, String.join(",", items.stream().map(l -> l.text().trim()).toList()), field, node);
  }

  private String choice(Node node, String field, List<String> choices) {
    String v = text(node, field).trim();
    if (!choices.contains(v)) {
      throw error(node, field, "\"" + v + "\" is not one of " + String.join(", ", choices));
    }
    return v;
  }

  private void duration(
      Map<String, Node> section, String path, String name, String option, boolean positive) {
    if (!section.containsKey(name)) {
      return;
    }
    Node node = section.get(name);
    String field = path + "." + name;
    String v = text(node, field).trim();
    if (v.equals("0")) {
      if (positive) {
        throw error(node, field, "must be longer than zero");
      }
      set(option, "0s", field, node);
      return;
    }
    java.time.Duration d;
    try {
      d = Durations.parse(v);
    } catch (IllegalArgumentException e) {
      throw error(node, field, "\"" + v + "\" is not a duration; write 1h or PT1H");
    }
    if (positive && (d.isZero() || d.isNegative())) {
      throw error(node, field, "must be longer than zero");
    }
    set(option, v, field, node);
  }

  private double parseNumber(Node node, String field) {
    String v = text(node, field).trim();
    try {
      double d = Double.parseDouble(v);
      if (Double.isFinite(d)
          && !v.endsWith("d")
          && !v.endsWith("D")
          && !v.endsWith("f")
          && !v.endsWith("F")) {
        return d;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw error(node, field, "\"" + v + "\" is not a number");
  }

  private void number(Map<String, Node> section, String path, String name, String option) {
    if (section.containsKey(name)) {
      String field = path + "." + name;
      parseNumber(section.get(name), field);
      set(option, text(section.get(name), field).trim(), field, section.get(name));
    }
  }

  private void share(Map<String, Node> section, String path, String name, String option) {
    if (section.containsKey(name)) {
      String field = path + "." + name;
      double v = parseNumber(section.get(name), field);
      if (v < 0 || v > 1) {
        throw error(section.get(name), field, v + " must be between 0 and 1");
      }
      set(option, text(section.get(name), field).trim(), field, section.get(name));
    }
  }

  private void whole(Map<String, Node> section, String path, String name, String option) {
    if (section.containsKey(name)) {
      String field = path + "." + name;
      String v = text(section.get(name), field).trim();
      try {
        if (Long.parseLong(v) >= 0 && Long.parseLong(v) <= Integer.MAX_VALUE) {
          set(option, v, field, section.get(name));
          return;
        }
      } catch (NumberFormatException e) {
        // below
      }
      throw error(section.get(name), field, "\"" + v + "\" is not a whole number, 0 or more");
    }
  }

  /** A directory or file name: any text but an empty one. */
  private void path(Map<String, Node> section, String path, String name, String option) {
    if (section.containsKey(name)) {
      String field = path + "." + name;
      set(option, nonEmpty(section.get(name), field), field, section.get(name));
    }
  }

  private void bool(Map<String, Node> section, String path, String name, String option) {
    if (section.containsKey(name)) {
      String field = path + "." + name;
      String v = text(section.get(name), field).trim().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw error(section.get(name), field, "\"" + v + "\" is not true or false");
      }
      set(option, v, field, section.get(name));
    }
  }

  private void set(String option, String value, String field, Node node) {
    settings.put(option, new Setting(option, value, field, line(node)));
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 1;
  }

  private static String kind(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof ScalarNode s) {
      return s.getTag().equals(Tag.NULL) ? "nothing" : "the value \"" + s.getValue() + "\"";
    }
    return "something else";
  }

  private SpecException error(Node node, String field, String message) {
    return error(line(node), field, message);
  }

  private SpecException error(int line, String field, String message) {
    return new SpecException(file + ":" + line + ": " + field + ": " + message);
  }
}
