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
}
