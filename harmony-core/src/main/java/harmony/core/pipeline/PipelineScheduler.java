package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.port.out.ProcessingScheduler;

/** Ingestion's view of the pipeline: new conversations are submitted, deleted ones cancelled. */
public final class PipelineScheduler implements ProcessingScheduler {
    private final Pipeline pipeline;

    public PipelineScheduler(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void schedule(Conversation conversation) {
        pipeline.submit(conversation);
    }

    @Override
    public void cancel(String conversationId) {
        pipeline.cancel(conversationId);
    }
}
