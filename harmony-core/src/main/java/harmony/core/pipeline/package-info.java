/**
 * The staged processing pipeline: {@link harmony.core.pipeline.Stage}s run in order by the
 * {@link harmony.core.pipeline.Pipeline} engine over leased jobs, with retries, resumption after a
 * worker dies, stuck detection and live status events; {@link harmony.core.pipeline.PipelineWorkers}
 * runs it on threads of this process.
 *
 * <p>Wiring, in the order of the product's "After uploading":
 * <pre>{@code
 * Pipeline pipeline = new Pipeline(List.of(
 *         new DownloadStage(remoteFiles, recordings, conversations, transactions, mediaCheck),
 *         new TranscriptionStage(transcriber, recordings, conversations, transactions),
 *         Stage.of("extraction", EXTRACTING, ctx -> extractor.extract(ctx.conversation())),
 *         Stage.of("insights", GENERATING_INSIGHTS, ctx -> ...),
 *         Stage.of("goals", EVALUATING_GOALS, ctx -> ...),
 *         Stage.of("scoring", SCORING, c -> scorecards.applyTo(c), ctx -> ...)),
 *     conversations, jobQueue, conversationEvents, transactions, clock, PipelineSettings.DEFAULT);
 * PipelineWorkers workers = new PipelineWorkers(pipeline, nodeId);
 * workers.start();                       // ... workers.stop(Duration.ofSeconds(30)) on shutdown
 * }</pre>
 * Ingest use cases store a new conversation and call {@link harmony.core.pipeline.Pipeline#submit} in one
 * transaction; {@code POST .../reprocess} calls {@link harmony.core.pipeline.Pipeline#reprocess}; deleting a
 * conversation calls {@link harmony.core.pipeline.Pipeline#cancel} first.
 */
package harmony.core.pipeline;
