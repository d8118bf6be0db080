package harmony.core.intelligence.insights;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Evidence;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.metrics.Metrics;
import harmony.core.intelligence.projects.InsightDefinition;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.rules.LanguageModelQuestion;
import harmony.core.intelligence.rules.MetricCondition;
import harmony.core.intelligence.rules.PhraseTracker;
import harmony.core.intelligence.LanguageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Applies phrase trackers and metric conditions itself, and questions through a
 * {@link LanguageModel} when one is configured. A question that cannot be answered (no model, the
 * model failed or answered out of schema) is reported in the result's note, never guessed.
 */
public final class DefaultInsightGenerator implements InsightGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultInsightGenerator.class);
    private final LanguageModel model;

    /** Without a language model: question detectors are not evaluated. */
    public DefaultInsightGenerator() {
        this(null);
    }

    public DefaultInsightGenerator(LanguageModel model) {
        this.model = model;
    }

    @Override
    public List<InsightResult> generate(ConversationContext ctx, Extraction extraction, Metrics metrics, List<Project> projects) {
        List<InsightResult> out = new ArrayList<>();
        for (Project p : projects) {
            for (InsightDefinition d : p.insights()) {
                out.add(apply(ctx, metrics, p, d));
            }
        }
        return out;
    }

    private InsightResult apply(ConversationContext ctx, Metrics metrics, Project p, InsightDefinition d) {
        if (d.detector() instanceof PhraseTracker t) {
            List<Evidence> hits = PhraseMatcher.hits(ctx, t);
            return new InsightResult(p.id(), d.id(), d.name(), hits.size() >= t.minHits(), hits, null, null);
        }
        if (d.detector() instanceof MetricCondition c) {
            OptionalDouble v = c.metric().valueIn(metrics);
            if (v.isEmpty()) {
                return new InsightResult(p.id(), d.id(), d.name(), false, List.of(), null,
                        c.metric().wireName() + " is not known for this conversation");
            }
            return new InsightResult(p.id(), d.id(), d.name(), c.holdsFor(v.getAsDouble()), List.of(), v.getAsDouble(), null);
        }
        if (d.detector() instanceof LanguageModelQuestion q) {
            if (model == null) {
                return new InsightResult(p.id(), d.id(), d.name(), false, List.of(), null, "no language model is configured");
            }
            try {
                LanguageModelQuestions.Answer a = LanguageModelQuestions.ask(model, ctx, q);
                return new InsightResult(p.id(), d.id(), d.name(), a.yes(), a.quotes(), null, null);
            } catch (Exception e) {
                LOG.warn("insight {} of project {}: the language model gave no usable answer", d.id(), p.id(), e);
                return new InsightResult(p.id(), d.id(), d.name(), false, List.of(), null,
                        "the language model gave no usable answer: " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
            }
        }
        return new InsightResult(p.id(), d.id(), d.name(), false, List.of(), null,
                "unsupported detector " + d.detector().getClass().getSimpleName());
    }
}
