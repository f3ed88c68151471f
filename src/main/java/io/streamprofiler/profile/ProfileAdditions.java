package io.streamprofiler.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * New profiles from existing ones: a profile is immutable, so a step that adds a section (drift,
 * say) and alerts builds a copy of the tree with them, and keeps the window context.
 */
public final class ProfileAdditions {
  private ProfileAdditions() {}

  /**
   * A copy of {@code profile} without the top-level section {@code name} and the alerts of {@code
   * alertType}: the inverse of {@link #withSection} on a profile that had neither.
   */
  public static Profile without(Profile profile, String name, String alertType) {
    Map<String, Object> tree = new LinkedHashMap<>(profile.tree());
    tree.remove(name);
    List<Object> kept = new ArrayList<>();
    for (Map<String, Object> a : profile.alerts()) {
      if (!alertType.equals(a.get("type"))) {
        kept.add(a);
      }
    }
    tree.put("alerts", kept);
    return new Profile(profile.context(), tree);
  }

  /**
   * A copy of {@code profile} with the top-level section {@code name} set to {@code section}
   * (replacing one of that name; placed before {@code alerts} when new), the alerts of {@code
   * alertType} it had removed and {@code alerts} appended.
   */
  public static Profile withSection(
      Profile profile,
      String name,
      Map<String, Object> section,
      String alertType,
      List<Map<String, Object>> alerts) {
    Map<String, Object> tree = new LinkedHashMap<>();
    boolean placed = profile.tree().containsKey(name);
    for (Map.Entry<String, Object> e : profile.tree().entrySet()) {
      if (!placed && e.getKey().equals("alerts")) {
        tree.put(name, Tree.value(section));
        placed = true;
      }
      tree.put(e.getKey(), e.getKey().equals(name) ? Tree.value(section) : e.getValue());
    }
    if (!placed) {
      tree.put(name, Tree.value(section));
    }
    List<Object> all = new ArrayList<>();
    for (Map<String, Object> a : profile.alerts()) {
      if (alertType == null || !alertType.equals(a.get("type"))) {
        all.add(a);
      }
    }
    all.addAll(alerts);
    tree.put("alerts", Tree.value(all));
    return new Profile(profile.context(), tree);
  }

  /**
   * A copy of {@code profile} saying what it covers beyond one key's window, as the top-level
   * {@code scope} after {@code pane}: a roll-up of a key's windows, or the fleet of all keys.
   */
  public static Profile withScope(Profile profile, Map<String, Object> scope) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : profile.tree().entrySet()) {
      tree.put(e.getKey(), e.getValue());
      if (e.getKey().equals("pane")) {
        tree.put("scope", Tree.value(scope));
      }
    }
    tree.putIfAbsent("scope", Tree.value(scope));
    return new Profile(profile.context(), tree);
  }

  /** What a profile covers: {@code window} (one key's window), {@code rollup} or {@code fleet}. */
  @SuppressWarnings("unchecked")
  public static String scopeKind(Profile profile) {
    Object scope = profile.tree().get("scope");
    return scope instanceof Map
        ? String.valueOf(((Map<String, Object>) scope).get("kind"))
        : "window";
  }

  /** The file-name tag of a profile's scope: empty for a window, the duration for a roll-up. */
  @SuppressWarnings("unchecked")
  public static String scopeTag(Profile profile) {
    Object scope = profile.tree().get("scope");
    if (!(scope instanceof Map)) {
      return "";
    }
    Map<String, Object> s = (Map<String, Object>) scope;
    return "rollup".equals(s.get("kind")) ? String.valueOf(s.get("window")) : "fleet";
  }
}
