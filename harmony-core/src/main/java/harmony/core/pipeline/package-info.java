/**
 * The staged processing pipeline: {@link harmony.core.pipeline.Stage}s run in order by the
 * {@link harmony.core.pipeline.Pipeline} engine over leased jobs, with retries, resumption after a
 * worker dies, stuck detection and live status events; {@link harmony.core.pipeline.PipelineWorkers}
 * runs it on threads of this process.
 */
package harmony.core.pipeline;
