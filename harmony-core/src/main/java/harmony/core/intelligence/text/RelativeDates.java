package harmony.core.intelligence.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in speech and resolves them against the meeting's date with a deadline reading:
 * "by Friday" is the next Friday after the meeting, "next Tuesday" the Tuesday of the following
 * (Monday-based) week, "end of the week" that week's Friday, "next week" the following Friday,
 * "early next week" the following Monday, "end of the month" its last day, "in two weeks" +14 days,
 * "within ten business days" ten weekdays later, "March 3rd" / "the twentieth" the next such date on
 * or after the meeting's date, "today", "tonight", "after this call" the meeting's date.
 */
public final class RelativeDates {
    private static final String WEEKDAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri";
    private static final String MONTH = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
    private static final String DAY = "(?:" + NumberWords.ORDINAL_WORDS_PATTERN + "|\\d{1,2}(?:st|nd|rd|th)?)";
    private static final String ORDINAL_DAY = "(?:" + NumberWords.ORDINAL_WORDS_PATTERN + "|\\d{1,2}(?:st|nd|rd|th))";
    private static final String COUNT = "(?:" + NumberWords.CARDINAL_WORDS_PATTERN + "|\\d{1,3})";
    /** Words after a bare "the twentieth" that show it is a date, not "the first shipment". */
    private static final String AFTER_BARE_DAY = "(?=\\s*(?:$|[,.?!;:]|and\\b|at\\b|in\\b|to\\b|for\\b|so\\b|then\\b|or\\b|with\\b|because\\b|if\\b|which\\b|instead\\b|latest\\b|morning\\b|afternoon\\b|at the latest\\b))";

    /** Tried only where a word that can start a date starts (see {@link #STARTS}): far cheaper than a scan. */
    private static final Pattern DATES = Pattern.compile(
            "(?:"
                    + "(?<today>today|tonight|this (?:morning|afternoon|evening)|later today|end of (?:the )?day|eod|close of business"
                    + "|right after (?:this|the|our) (?:call|meeting)|right after this|after (?:this|the|our) (?:call|meeting)"
                    + "|within the hour|in an hour|right away|straight away|immediately|asap|as soon as possible|(?<!for )right now|(?<!for |from |until |till |right )now(?! on)|before lunch|after lunch)"
                    + "|(?<dayafter>the day after tomorrow)"
                    + "|(?<tomorrow>tomorrow)"
                    + "|(?<wprefix>this|next|coming|the following)?\\s*(?<weekday>" + WEEKDAY + ")(?:'s)?(?<nextweek>\\s+next week)?"
                    + "|(?<early>early|beginning of|start of)\\s+(?<earlyunit>next week|next month)"
                    + "|(?:end of|the end of)\\s+(?<endof>(?:the |this )?week|next week|(?:the |this )?month|next month|(?:the |this )?quarter|next quarter|" + MONTH + ")"
                    + "|(?<eow>eow|eom|the weekend|this week|next week|this month|next month|this quarter|next quarter)"
                    + "|(?:in|within)\\s+(?<count>" + COUNT + ")\\s+(?<bizdays>business |working )?(?<unit>days?|weeks?|months?)"
                    + "|(?:in|within)\\s+(?<one>a|one)\\s+(?<oneunit>day|week|month)"
                    + "|(?<month>" + MONTH + ")\\.?\\s+(?:the\\s+)?(?<mday>" + DAY + ")\\b"
                    + "|(?:the\\s+)?(?<dmday>" + DAY + ")\\s+of\\s+(?<dmonth>" + MONTH + ")"
                    + "|the\\s+(?<bareday>" + ORDINAL_DAY + ")" + AFTER_BARE_DAY
                    + ")\\b");
    private static final Pattern PAST = Pattern.compile("(?:since|last|past|previous|from|on last)\\s*$");
    private static final Pattern DEADLINE_BEFORE = Pattern.compile("\\b(?:by|before|until|till|no later than|due|latest by|ahead of)\\s*$");
    private static final java.util.Set<String> STARTS = starts();

    private static java.util.Set<String> starts() {
        java.util.Set<String> s = new java.util.HashSet<>(List.of(("today tonight this later end eod close right after within in "
                + "straight immediately asap as now before the tomorrow next coming early beginning start eow eom").split(" ")));
        s.addAll(List.of(WEEKDAY.split("\\|")));
        s.addAll(List.of(MONTH.split("\\|")));
        for (String ordinal : NumberWords.ORDINAL_WORDS_PATTERN.split("\\|")) {
            s.add(ordinal.split(" ")[0]);
        }
        return java.util.Set.copyOf(s);
    }

    /** Words one of which every date expression contains; most sentences have none and skip the big pattern. */
    private static final java.util.Set<String> CUES = cues();

    private static java.util.Set<String> cues() {
        java.util.Set<String> cues = new java.util.HashSet<>(List.of(("today tonight morning afternoon evening day eod tomorrow "
                + "week weekend month quarter eow eom hour now away immediately asap possible lunch call meeting days weeks months "
                + "business working").split(" ")));
        cues.addAll(List.of(WEEKDAY.split("\\|")));
        cues.addAll(List.of(MONTH.split("\\|")));
        for (String ordinal : NumberWords.ORDINAL_WORDS_PATTERN.split("\\|")) {
            cues.addAll(List.of(ordinal.split(" ")));
        }
        return java.util.Set.copyOf(cues);
    }

    /** For common words that can start a date, the words that must follow; others start a date on their own. */
    private static final java.util.Map<String, java.util.Set<String>> MUST_FOLLOW = mustFollow();

    private static java.util.Map<String, java.util.Set<String>> mustFollow() {
        java.util.Set<String> weekdays = java.util.Set.of(WEEKDAY.split("\\|"));
        java.util.Set<String> ordinals = new java.util.HashSet<>();
        for (String o : NumberWords.ORDINAL_WORDS_PATTERN.split("\\|")) {
            ordinals.add(o.split(" ")[0]);
        }
        java.util.Set<String> counts = new java.util.HashSet<>(List.of("a", "an", "one", "the"));
        for (String c : NumberWords.CARDINAL_WORDS_PATTERN.split("\\|")) {
            counts.add(c.split(" ")[0]);
        }
        java.util.Set<String> the = new java.util.HashSet<>(ordinals);
        the.addAll(List.of("end", "day", "weekend", "following"));
        java.util.Set<String> thisNext = new java.util.HashSet<>(weekdays);
        thisNext.addAll(List.of("morning", "afternoon", "evening", "week", "month", "quarter"));
        return java.util.Map.ofEntries(
                java.util.Map.entry("the", java.util.Set.copyOf(the)),
                java.util.Map.entry("in", java.util.Set.copyOf(counts)),
                java.util.Map.entry("within", java.util.Set.copyOf(counts)),
                java.util.Map.entry("this", java.util.Set.copyOf(thisNext)),
                java.util.Map.entry("next", java.util.Set.copyOf(thisNext)),
                java.util.Map.entry("coming", java.util.Set.copyOf(thisNext)),
                java.util.Map.entry("as", java.util.Set.of("soon")),
                java.util.Map.entry("right", java.util.Set.of("after", "away", "now")),
                java.util.Map.entry("after", java.util.Set.of("this", "the", "our", "lunch")),
                java.util.Map.entry("before", java.util.Set.of("lunch")),
                java.util.Map.entry("end", java.util.Set.of("of")),
                java.util.Map.entry("close", java.util.Set.of("of")),
                java.util.Map.entry("later", java.util.Set.of("today")),
                java.util.Map.entry("straight", java.util.Set.of("away")),
                java.util.Map.entry("early", java.util.Set.of("next")),
                java.util.Map.entry("beginning", java.util.Set.of("of")),
                java.util.Map.entry("start", java.util.Set.of("of")));
    }

    /** All date mentions in {@code text}, in order. */
    public static List<DateMention> findAll(String text, LocalDate reference) {
        return findAll(Tokens.of(text), reference);
    }

    /** All date mentions in a tokenised text, in order; offsets are in {@link Tokens#text()}. */
    public static List<DateMention> findAll(Tokens tokens, LocalDate reference) {
        String[] words = tokens.lower();
        boolean cue = false;
        for (String w : words) {
            if (Character.isDigit(w.charAt(0)) || CUES.contains(stripPossessive(w))) {
                cue = true;
                break;
            }
        }
        if (!cue) {
            return List.of();
        }
        String text = tokens.text();
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (lower.length() != text.length()) {
            return List.of(); // a case mapping changed the length: offsets would not line up; no dates in such text
        }
        List<DateMention> out = new ArrayList<>();
        Matcher m = DATES.matcher(lower).useTransparentBounds(true).useAnchoringBounds(false);
        int n = lower.length();
        int after = 0;
        for (int k = 0; k < words.length; k++) {
            int i = tokens.starts()[k];
            if (i < after) {
                continue;
            }
            String word = stripPossessive(words[k]);
            if (!STARTS.contains(word) && !Character.isDigit(word.charAt(0))) {
                continue;
            }
            java.util.Set<String> allowed = MUST_FOLLOW.get(word);
            if (allowed != null && (k + 1 >= words.length || !allowed.contains(words[k + 1]) && !Character.isDigit(words[k + 1].charAt(0)))) {
                continue;
            }
            m.region(i, n);
            if (!m.lookingAt()) {
                continue;
            }
            int coreStart = i;
            int coreEnd = m.end();
            after = coreEnd;
            String before = lower.substring(Math.max(0, coreStart - 16), coreStart);
            if (PAST.matcher(before).find()) {
                continue;
            }
            if (m.group("eow") != null && before.endsWith("for ")) {
                continue; // "credit the difference for this month" names a period, not a deadline
            }
            if (m.group("month") != null && m.group("month").equals("may") && !Character.isUpperCase(text.charAt(m.start("month")))) {
                continue; // "they may first …" is a verb, not the month
            }
            boolean deadline = DEADLINE_BEFORE.matcher(before).find();
            resolve(m, reference).ifPresent(d -> out.add(
                    new DateMention(d, coreStart, coreEnd, text.substring(coreStart, coreEnd), deadline)));
        }
        return out;
    }

    private static String stripPossessive(String w) {
        return w.endsWith("'s") ? w.substring(0, w.length() - 2) : w;
    }

    /** The due date of a clause: its first deadline-marked date, else its last date. */
    public static Optional<DateMention> dueDate(String text, LocalDate reference) {
        return dueDate(findAll(text, reference));
    }

    /** The due date among mentions in text order: the first deadline-marked one, else the last. */
    public static Optional<DateMention> dueDate(List<DateMention> mentions) {
        return mentions.stream().filter(DateMention::deadline).findFirst()
                .or(() -> mentions.isEmpty() ? Optional.empty() : Optional.of(mentions.get(mentions.size() - 1)));
    }

    private static Optional<LocalDate> resolve(Matcher m, LocalDate ref) {
        if (m.group("today") != null) {
            return Optional.of(ref);
        }
        if (m.group("dayafter") != null) {
            return Optional.of(ref.plusDays(2));
        }
        if (m.group("tomorrow") != null) {
            return Optional.of(ref.plusDays(1));
        }
        if (m.group("weekday") != null) {
            DayOfWeek day = weekday(m.group("weekday"));
            String prefix = m.group("wprefix");
            if ("next".equals(prefix) || m.group("nextweek") != null) {
                return Optional.of(nextWeekMonday(ref).with(TemporalAdjusters.nextOrSame(day)));
            }
            return Optional.of(ref.with(TemporalAdjusters.next(day)));
        }
        if (m.group("early") != null) {
            return Optional.of(m.group("earlyunit").endsWith("week") ? nextWeekMonday(ref)
                    : ref.plusMonths(1).withDayOfMonth(1));
        }
        String period = m.group("endof") != null ? m.group("endof") : m.group("eow");
        if (period != null) {
            return Optional.of(endOf(period.replaceFirst("^(the|this) ", ""), ref));
        }
        if (m.group("count") != null || m.group("one") != null) {
            int n = m.group("count") != null ? NumberWords.cardinalValue(m.group("count")).orElse(-1) : 1;
            String unit = m.group("unit") != null ? m.group("unit") : m.group("oneunit");
            if (n < 0) {
                return Optional.empty();
            }
            if (m.group("bizdays") != null) {
                return Optional.of(plusWeekdays(ref, n));
            }
            return Optional.of(unit.startsWith("day") ? ref.plusDays(n)
                    : unit.startsWith("week") ? ref.plusWeeks(n) : ref.plusMonths(n));
        }
        if (m.group("month") != null || m.group("dmonth") != null) {
            Month month = month(m.group("month") != null ? m.group("month") : m.group("dmonth"));
            String dayText = m.group("mday") != null ? m.group("mday") : m.group("dmday");
            int day = NumberWords.ordinalValue(dayText).orElse(-1);
            return onOrAfter(ref, month, day);
        }
        if (m.group("bareday") != null) {
            int day = NumberWords.ordinalValue(m.group("bareday")).orElse(-1);
            if (day < 1 || day > 31) {
                return Optional.empty();
            }
            LocalDate d = ref;
            for (int i = 0; i < 3; i++, d = d.plusMonths(1).withDayOfMonth(1)) {
                if (day <= d.lengthOfMonth()) {
                    LocalDate candidate = d.withDayOfMonth(day);
                    if (!candidate.isBefore(ref)) {
                        return Optional.of(candidate);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static LocalDate endOf(String period, LocalDate ref) {
        switch (period) {
            case "week", "eow", "weekend" -> {
                return ref.getDayOfWeek().getValue() >= 6 ? ref.with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                        : ref.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
            }
            case "next week" -> {
                return nextWeekMonday(ref).plusDays(4);
            }
            case "month", "eom" -> {
                return ref.with(TemporalAdjusters.lastDayOfMonth());
            }
            case "next month" -> {
                return ref.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
            }
            case "quarter" -> {
                return quarterEnd(ref);
            }
            case "next quarter" -> {
                return quarterEnd(ref.plusMonths(3));
            }
            default -> {
                Month month = month(period);
                LocalDate d = ref.withMonth(month.getValue()).with(TemporalAdjusters.lastDayOfMonth());
                return d.isBefore(ref) ? d.plusYears(1).with(TemporalAdjusters.lastDayOfMonth()) : d;
            }
        }
    }

    private static LocalDate quarterEnd(LocalDate d) {
        int lastMonth = ((d.getMonthValue() - 1) / 3) * 3 + 3;
        return d.withMonth(lastMonth).with(TemporalAdjusters.lastDayOfMonth());
    }

    private static LocalDate nextWeekMonday(LocalDate ref) {
        return ref.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private static LocalDate plusWeekdays(LocalDate d, int n) {
        LocalDate r = d;
        int added = 0;
        while (added < n) {
            r = r.plusDays(1);
            if (r.getDayOfWeek().getValue() <= 5) {
                added++;
            }
        }
        return r;
    }

    private static Optional<LocalDate> onOrAfter(LocalDate ref, Month month, int day) {
        if (day < 1 || day > 31) {
            return Optional.empty();
        }
        for (int year = ref.getYear(); year <= ref.getYear() + 1; year++) {
            LocalDate first = LocalDate.of(year, month, 1);
            if (day <= first.lengthOfMonth()) {
                LocalDate candidate = first.withDayOfMonth(day);
                if (!candidate.isBefore(ref)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static DayOfWeek weekday(String w) {
        return switch (w.substring(0, 3)) {
            case "mon" -> DayOfWeek.MONDAY;
            case "tue" -> DayOfWeek.TUESDAY;
            case "wed" -> DayOfWeek.WEDNESDAY;
            case "thu" -> DayOfWeek.THURSDAY;
            case "fri" -> DayOfWeek.FRIDAY;
            case "sat" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static Month month(String m) {
        String p = m.substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(p)) {
                return month;
            }
        }
        throw new IllegalArgumentException(m);
    }

    private RelativeDates() {
    }
}
