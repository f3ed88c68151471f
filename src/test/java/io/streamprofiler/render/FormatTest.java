package io.streamprofiler.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import org.junit.Test;

public class FormatTest {
  @Test
  public void numbersHaveFourSignificantDigitsAndSeparators() {
    assertThat(Format.number(0.005011732542326881), is("0.005012"));
    assertThat(Format.number(50.511378555798686), is("50.51"));
    assertThat(Format.number(23083.7), is("23,084"));
    assertThat(Format.number(1234567.0), is("1,234,567"));
    assertThat(Format.number(-0.8800592359132957), is("−0.8801"));
    assertThat(Format.number(3.7446186967745716e-05), is("3.745 × 10⁻⁵"));
    assertThat(Format.number(1.402216918423369e-09), is("1.402 × 10⁻⁹"));
    assertThat(Format.number(1.5945120943859746E9), is("1.595 × 10⁹"));
    assertThat(Format.number(1594512094.0), is("1,594,512,094"));
    assertThat(Format.number(2.5e12 + 0.5), is("2.5 × 10¹²"));
    assertThat(Format.number(0.0), is("0"));
    assertThat(Format.number(Double.NaN), is("—"));
    assertThat(Format.number((Object) null), is("—"));
    assertThat(Format.number("text"), is("—"));
    assertThat(Format.number(Double.POSITIVE_INFINITY), is("∞"));
  }

  @Test
  public void countsAndPercentages() {
    assertThat(Format.count(457), is("457"));
    assertThat(Format.count(1234567L), is("1,234,567"));
    assertThat(Format.count(-1234), is("−1,234"));
    assertThat(Format.count(null), is("—"));
    assertThat(Format.percent(0.0), is("0%"));
    assertThat(Format.percent(1.0), is("100%"));
    assertThat(Format.percent(0.4201312910284464), is("42.0%"));
    assertThat(Format.percent(0.0612691), is("6.1%"));
    assertThat(Format.percent(0.0002), is("<0.1%"));
    assertThat(Format.percent(0.99999), is(">99.9%"));
    assertThat(Format.percent(null), is("—"));
  }

  @Test
  public void durationsHaveUnits() {
    assertThat(Format.duration(1681.938616), is("28 min 2 s"));
    assertThat(Format.duration(15.826173888888889), is("15.8 s"));
    assertThat(Format.duration(0.0127), is("12.7 ms"));
    assertThat(Format.duration(0.00085), is("850 µs"));
    assertThat(Format.duration(3600.0), is("1 h"));
    assertThat(Format.duration(7500.0), is("2 h 5 min"));
    assertThat(Format.duration(90000.0), is("1 d 1 h"));
    assertThat(Format.duration(0.0), is("0 s"));
    assertThat(Format.duration(null), is("—"));
  }

  @Test
  public void instantsAndValues() {
    assertThat(
        Format.instant("2020-07-12T00:01:34.385975Z"), is("2020-07-12\u00a000:01:34.385\u00a0UTC"));
    assertThat(Format.instant("2020-07-12T00:00:00Z"), is("2020-07-12\u00a000:00:00\u00a0UTC"));
    assertThat(Format.instant("not a time"), is("not a time"));
    assertThat(Format.instant(null), is("—"));
    assertThat(Format.clock(1594512600.0, false), is("00:10"));
    assertThat(Format.value(0.0028400886071015706), is("0.0028400886071015706"));
    assertThat(Format.value(51.1), is("51.1"));
    assertThat(Format.value(22.0), is("22"));
    assertThat(Format.value(1.5e-7), is("1.5E−7"));
    assertThat(Format.value(457), is("457"));
    assertThat(Format.value("b8:27"), is("b8:27"));
    assertThat(Format.value(null), is("—"));
    assertThat(Format.label("HIGH_CORRELATION"), is("High correlation"));
  }
}
