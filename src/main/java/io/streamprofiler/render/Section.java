package io.streamprofiler.render;

import io.streamprofiler.profile.Profile;
import io.streamprofiler.render.Page.Tab;
import java.util.List;
import java.util.Map;

/** One section of a report: writes into the shared {@link Page} from the profile it reads. */
abstract class Section {
  final Page page;
  final StringBuilder b;
  final Profile profile;
  final Map<String, Object> tree;

  /** Variables in schema order; an entry that is not an object reads as an empty one. */
  final Map<String, Map<String, Object>> variables;

  final Alerts alerts;
  final ReportData data;

  Section(Page page, ReportData data) {
    this.page = page;
    this.b = page.b();
    this.profile = data.profile();
    this.tree = data.tree();
    this.variables = data.variables();
    this.alerts = data.alerts();
    this.data = data;
  }

  /** Writes the section. */
  abstract void render();

  /** Opens the {@code i}-th section of {@link HtmlReport#SECTIONS}. */
  final void start(int i) {
    page.section(HtmlReport.SECTIONS.get(i), HtmlReport.TITLES.get(i));
  }

  final void tabs(List<Tab> tabs) {
    page.tabs(tabs);
  }

  final void row(String label, String value) {
    page.row(label, value);
  }

  final void rowData(String label, String value) {
    page.rowData(label, value);
  }

  final void rowHtml(String label, Runnable value) {
    page.rowHtml(label, value);
  }

  final String windowLabel() {
    return data.windowLabel();
  }

  final void timingChip(Object timing) {
    page.timingChip(timing, true);
  }

  static String str(Object o) {
    return Page.str(o);
  }
}
