package io.streamprofiler.pipeline;

import io.streamprofiler.record.ColumnType;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The per-column options, written as YAML (or JSON) flow mappings so any column name fits: {@code
 * --columnTypes={temp: numeric, "room name": categorical}} and {@code
 * --columnMissingValues={pressure: ["-999", ""]}}. Scalars are taken as written (no YAML typing:
 * {@code -999} is the token "-999").
 */
final class ColumnOptions {
  private ColumnOptions() {}

  /**
   * @throws IllegalArgumentException naming --columnTypes when it is not a mapping of types
   */
  static Map<String, ColumnType> types(String option) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (NodeTuple t : mapping("columnTypes", option)) {
      String column = scalar("columnTypes", option, t.getKeyNode());
      String type = scalar("columnTypes", option, t.getValueNode());
      try {
        types.put(column, ColumnType.of(type));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "--columnTypes=" + option + ": column '" + column + "': " + e.getMessage());
      }
    }
    return types;
  }

  /**
   * @throws IllegalArgumentException naming --columnMissingValues when it is not a mapping of token
   *     lists
   */
  static Map<String, Set<String>> missingValues(String option) {
    Map<String, Set<String>> missing = new LinkedHashMap<>();
    for (NodeTuple t : mapping("columnMissingValues", option)) {
      String column = scalar("columnMissingValues", option, t.getKeyNode());
      Set<String> tokens = new LinkedHashSet<>();
      Node value = t.getValueNode();
      if (value instanceof SequenceNode list) {
        for (Node token : list.getValue()) {
          tokens.add(scalar("columnMissingValues", option, token));
        }
      } else {
        tokens.add(scalar("columnMissingValues", option, value));
      }
      missing.put(column, tokens);
    }
    return missing;
  }

  private static java.util.List<NodeTuple> mapping(String name, String option) {
    if (option == null || option.isBlank()) {
      return java.util.List.of();
    }
    Node node;
    try {
      node = new Yaml(new LoaderOptions()).compose(new StringReader(option));
    } catch (YAMLException e) {
      throw new IllegalArgumentException(
          "--" + name + "=" + option + ": not a mapping such as {column: value}");
    }
    if (node == null) {
      return java.util.List.of();
    }
    if (!(node instanceof MappingNode m)) {
      throw new IllegalArgumentException(
          "--" + name + "=" + option + ": not a mapping such as {column: value}");
    }
    return m.getValue();
  }

  private static String scalar(String name, String option, Node node) {
    if (!(node instanceof ScalarNode s)) {
      throw new IllegalArgumentException(
          "--" + name + "=" + option + ": expected a name or token, found a " + node.getNodeId());
    }
    return s.getValue();
  }
}
