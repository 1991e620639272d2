package kb.insights.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A stacked bar chart of the last 30 days, as numbers an SVG template draws: no script, and the
 * template adds the same numbers as a table for screen readers.
 */
public record TrendChart(int width, int height, List<Bar> bars, List<Tick> ticks, List<Tick> days, long max) {
    /** One rectangle: a series' part of one day's bar. */
    public record Bar(String x, String y, String width, String height, String series, String label) {}

    /** A label on an axis, at a position. */
    public record Tick(String x, String y, String text) {}

    /** One series: its CSS class and how to read it from a day. */
    public record Series(String cssClass, String name, ToLongFunction<Report.Day> value) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 200;
    private static final int LEFT = 40;
    private static final int RIGHT = 8;
    private static final int TOP = 10;
    private static final int BOTTOM = 26;

    public static TrendChart of(List<Report.Day> days, List<Series> series, Locale locale) {
        long max = 0;
        for (Report.Day d : days) {
            long sum = 0;
            for (Series s : series) {
                sum += s.value().applyAsLong(d);
            }
            max = Math.max(max, sum);
        }
        long top = niceCeiling(max);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / Math.max(1, days.size());
        double barW = Math.max(2, slot * 0.7);
        DateTimeFormatter label = DateTimeFormatter.ofPattern(locale.getLanguage().equals("pt") ? "d/M" : "M/d", locale);
        List<Bar> bars = new ArrayList<>();
        List<Tick> dayTicks = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Report.Day d = days.get(i);
            double x = LEFT + i * slot + (slot - barW) / 2;
            double base = TOP + plotH;
            for (Series s : series) {
                long v = s.value().applyAsLong(d);
                if (v == 0) {
                    continue;
                }
                double h = plotH * v / top;
                base -= h;
                bars.add(new Bar(num(x), num(base), num(barW), num(h), s.cssClass(), d.day() + ": " + s.name() + " " + v));
            }
            if ((days.size() - 1 - i) % 7 == 0) {
                dayTicks.add(new Tick(num(x + barW / 2), num(HEIGHT - 8), label.format(d.day())));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (long v : new long[] {0, top / 2, top}) {
            if (v == top / 2 && top % 2 != 0) {
                continue;
            }
            ticks.add(new Tick(num(LEFT - 6), num(TOP + plotH - plotH * v / top), Long.toString(v)));
        }
        return new TrendChart(WIDTH, HEIGHT, bars, ticks, dayTicks, max);
    }

    /** The gridline positions: where the value labels are, across the plot. */
    public String plotLeft() {
        return num(LEFT);
    }

    public String plotRight() {
        return num(WIDTH - RIGHT);
    }

    /** 1, 2, 5, 10, 20, 50…: the axis ends on a round number at or above the largest bar. */
    static long niceCeiling(long max) {
        if (max <= 1) {
            return 1;
        }
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (m * step >= max) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
