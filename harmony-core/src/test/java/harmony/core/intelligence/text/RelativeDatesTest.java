package harmony.core.intelligence.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeDatesTest {
    /** Wednesday. */
    private static final LocalDate MEETING = LocalDate.of(2026, 3, 11);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "I'll send it by Friday | 2026-03-13",
            "I'll send it on Wednesday | 2026-03-18",
            "let's meet next Tuesday | 2026-03-17",
            "let's meet next Friday | 2026-03-20",
            "Tuesday next week works | 2026-03-17",
            "I'll do it tonight | 2026-03-11",
            "right after this call | 2026-03-11",
            "tomorrow morning | 2026-03-12",
            "the day after tomorrow | 2026-03-13",
            "by the end of the week | 2026-03-13",
            "before the weekend | 2026-03-13",
            "sometime next week | 2026-03-20",
            "early next week | 2026-03-16",
            "by the end of the month | 2026-03-31",
            "before the end of May | 2026-05-31",
            "end of the quarter | 2026-03-31",
            "in two weeks | 2026-03-25",
            "in a couple of days | 2026-03-13",
            "within ten business days | 2026-03-25",
            "on March 3rd | 2027-03-03",
            "on April fourteenth | 2026-04-14",
            "by the twentieth. | 2026-03-20",
            "the 5th of April | 2026-04-05",
            "June 19 | 2026-06-19",
            "I'll resend it right away | 2026-03-11",
            "Thursday's all hands | 2026-03-12"})
    void resolvesAgainstTheMeetingDate(String text, String expected) {
        assertThat(RelativeDates.dueDate(text, MEETING)).hasValueSatisfying(d -> assertThat(d.date()).isEqualTo(LocalDate.parse(expected)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the first shipment goes out soon",
            "since Friday our sync fails",
            "last Tuesday I joined a call",
            "they may first want a demo",
            "credit the difference for this month",
            "we can do that for now"})
    void ignoresWhatIsNotADueDate(String text) {
        assertThat(RelativeDates.dueDate(text, MEETING)).isEmpty();
    }

    @Test
    void aDeadlineWinsOverOtherDates() {
        assertThat(RelativeDates.dueDate("I'll confirm the twenty sixth with the vendor by Friday", MEETING))
                .hasValueSatisfying(d -> {
                    assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 13));
                    assertThat(d.deadline()).isTrue();
                });
        assertThat(RelativeDates.dueDate("I'll schedule it for March 15th and send the details tomorrow", MEETING))
                .hasValueSatisfying(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 12)));
    }

    @Test
    void aWeekdayOnTheMeetingDayMeansNextWeek() {
        LocalDate friday = LocalDate.of(2026, 3, 13);
        assertThat(RelativeDates.dueDate("by Friday", friday)).hasValueSatisfying(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 20)));
        assertThat(RelativeDates.dueDate("end of the week", LocalDate.of(2026, 3, 14)))
                .hasValueSatisfying(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2026, 3, 20)));
    }
}
