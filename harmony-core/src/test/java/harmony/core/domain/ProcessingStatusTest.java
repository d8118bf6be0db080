package harmony.core.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static harmony.core.domain.ProcessingStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessingStatusTest {

    /** The whole table, written out: every pair not listed here must be illegal. */
    private static final Map<ProcessingStatus, Set<ProcessingStatus>> LEGAL = Map.of(
            QUEUED, EnumSet.of(DOWNLOADING, TRANSCRIBING, EXTRACTING, GENERATING_INSIGHTS, EVALUATING_GOALS, SCORING, COMPLETED, FAILED),
            DOWNLOADING, EnumSet.of(TRANSCRIBING, EXTRACTING, GENERATING_INSIGHTS, EVALUATING_GOALS, SCORING, COMPLETED, FAILED),
            TRANSCRIBING, EnumSet.of(EXTRACTING, GENERATING_INSIGHTS, EVALUATING_GOALS, SCORING, COMPLETED, FAILED),
            EXTRACTING, EnumSet.of(GENERATING_INSIGHTS, EVALUATING_GOALS, SCORING, COMPLETED, FAILED),
            GENERATING_INSIGHTS, EnumSet.of(EVALUATING_GOALS, SCORING, COMPLETED, FAILED),
            EVALUATING_GOALS, EnumSet.of(SCORING, COMPLETED, FAILED),
            SCORING, EnumSet.of(COMPLETED, FAILED),
            COMPLETED, EnumSet.of(QUEUED),
            FAILED, EnumSet.of(QUEUED));

    @Test
    void everyPairOfStatusesIsLegalExactlyWhenTheTableSaysSo() {
        for (ProcessingStatus from : values()) {
            for (ProcessingStatus to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyCompletedAndFailedAreTerminal() {
        assertThat(EnumSet.allOf(ProcessingStatus.class).stream().filter(ProcessingStatus::isTerminal))
                .containsExactlyInAnyOrder(COMPLETED, FAILED);
    }

    @Test
    void wireNamesMatchTheApiContract() {
        assertThat(List.of(values())).extracting(ProcessingStatus::wireName).containsExactly("queued", "downloading",
                "transcribing", "extracting", "generating_insights", "evaluating_goals", "scoring", "completed", "failed");
        for (ProcessingStatus s : values()) {
            assertThat(ProcessingStatus.fromWireName(s.wireName())).isEqualTo(s);
        }
    }

    @Test
    void aConversationRefusesAnIllegalMove() {
        Instant t = Instant.parse("2026-11-28T16:00:00Z");
        Conversation c = new Conversation.Builder().id("c1").workspaceId("w").reference("HMY-AAAAAA").title("t")
                .source(Source.TRANSCRIPT_PASTE).teamId("t").contactId("c").ownerId("u").createdAt(t).updatedAt(t).build();
        Conversation extracting = c.withStatus(EXTRACTING, new Processing("extraction", 0, t, 1, null), t);
        assertThatThrownBy(() -> extracting.withStatus(TRANSCRIBING, Processing.NONE, t)).isInstanceOf(IllegalStateException.class);
        assertThat(extracting.withStatus(EXTRACTING, new Processing("extraction", 0.5, t, 1, null), t).processing().progress())
                .isEqualTo(0.5);
    }

    @Test
    void aMediaConversationNeedsItsRecordingButAUrlImportGetsItLater() {
        Instant t = Instant.parse("2026-11-28T16:00:00Z");
        Conversation.Builder b = new Conversation.Builder().id("c1").workspaceId("w").reference("HMY-AAAAAA").title("t")
                .teamId("t").contactId("c").ownerId("u").createdAt(t).updatedAt(t);
        assertThatThrownBy(() -> b.source(Source.FILE_UPLOAD).build()).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.source(Source.URL_IMPORT).build().recording()).isNull();
    }
}
