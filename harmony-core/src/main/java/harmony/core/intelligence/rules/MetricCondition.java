package harmony.core.intelligence.rules;

import harmony.core.intelligence.metrics.Metric;

import static java.util.Objects.requireNonNull;

/** A metric within bounds (inclusive; a null bound is open): "talk_ratio_internal at most 0.6". */
public record MetricCondition(Metric metric, Double min, Double max) implements Detector, Criterion {
    public MetricCondition {
        requireNonNull(metric, "metric");
        if (min == null && max == null) {
            throw new IllegalArgumentException("a metric condition needs min or max: " + metric.wireName());
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min is above max for " + metric.wireName());
        }
    }

    public static MetricCondition atLeast(Metric metric, double min) {
        return new MetricCondition(metric, min, null);
    }

    public static MetricCondition atMost(Metric metric, double max) {
        return new MetricCondition(metric, null, max);
    }

    public static MetricCondition between(Metric metric, double min, double max) {
        return new MetricCondition(metric, min, max);
    }

    public boolean holdsFor(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    /** "talk_ratio_internal 0.42 (at most 0.6)". */
    public String describe(double value) {
        String bounds = min != null && max != null ? "between " + fmt(min) + " and " + fmt(max)
                : min != null ? "at least " + fmt(min) : "at most " + fmt(max);
        return metric.wireName() + " " + fmt(value) + " (" + bounds + ")";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 100) / 100.0);
    }
}
