package org.chengxin.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The figures of one evaluation run: a flat map from stable dotted keys ({@code detector.figure})
 * to numbers, booleans or null (not measurable on this input). Printed as one flat JSON object.
 */
public final class Metrics {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Object> values = new LinkedHashMap<>();

  public Metrics put(String key, Number value) {
    return putChecked(key, value);
  }

  public Metrics put(String key, boolean value) {
    return putChecked(key, value);
  }

  /** A figure that cannot be measured on this input (e.g. nothing was planted): null, not 0. */
  public Metrics missing(String key) {
    return putChecked(key, null);
  }

  public Object get(String key) {
    return values.get(key);
  }

  private Metrics putChecked(String key, Object value) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("metric keys are dotted snake_case: " + key);
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      value = null;
    }
    if (values.put(key, value) != null) {
      throw new IllegalStateException("metric measured twice: " + key);
    }
    return this;
  }

  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    values.forEach((k, v) -> node.set(k, JSON.valueToTree(v)));
    return node.toString();
  }
}
