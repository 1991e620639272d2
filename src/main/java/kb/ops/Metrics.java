package kb.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The numbers an operator watches, in Prometheus' text format: requests and latency by route,
 * search latency, the content version, articles per language, and reloads.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter reloads;
    private final Counter reloadFailures;
    private final MultiGauge contentVersion;
    private final Timer search;

    public Metrics() {
        reloads = Counter.builder("kb.content.reloads").description("content reloads that were swapped in").register(registry);
        reloadFailures = Counter.builder("kb.content.reload.failures").description("content reloads that failed; the previous content stayed").register(registry);
        contentVersion = MultiGauge.builder("kb.content.version").description("1 for the content version being served").register(registry);
        search = Timer.builder("kb.search").description("time to answer a search query")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofSeconds(2)).register(registry);
    }

    /** Counts one finished request under its route template (never the raw path). */
    public void request(String method, String route, int status, double millis) {
        Timer.builder("kb.http.requests")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry)
                .record(Duration.ofNanos((long) (millis * 1_000_000)));
    }

    public void searched(long nanos) {
        search.record(Duration.ofNanos(nanos));
    }

    public void reloaded(String version) {
        reloads.increment();
        served(version);
    }

    public void reloadFailed() {
        reloadFailures.increment();
    }

    /** Marks the version now served (the only one with value 1). */
    public void served(String version) {
        contentVersion.register(List.of(MultiGauge.Row.of(Tags.of("version", version), 1)), true);
    }

    /** The languages whose article gauge is registered. */
    private final java.util.Set<String> gauged = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Articles per language, read live from whatever the site serves now. Registered once per
     * language: a reload asks again for every language, and only a new one gets a gauge (the
     * registry would otherwise warn that the others already have one).
     */
    public <T> void articles(T source, String lang, ToIntFunction<T> count) {
        if (gauged.add(lang)) {
            Gauge.builder("kb.articles", source, s -> count.applyAsInt(s)).tag("lang", lang)
                    .description("articles served in this language").register(registry);
        }
    }

    /** For features that keep meters of their own (the insights queue). */
    public io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
