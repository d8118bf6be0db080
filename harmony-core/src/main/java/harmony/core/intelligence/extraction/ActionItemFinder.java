package harmony.core.intelligence.extraction;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Person;
import harmony.core.intelligence.text.DateMention;
import harmony.core.intelligence.text.Document;
import harmony.core.intelligence.text.RelativeDates;
import harmony.core.intelligence.text.Sentence;
import harmony.core.intelligence.text.Stemmer;
import harmony.core.intelligence.text.TimedTurn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds action items with speech patterns: commitments ("I'll send…", "let me run it by…",
 * "you'll have it by Friday"), requests ("can you…", "please…", "Nina, update…"), proposals
 * ("let's schedule…"), third-person assignments ("Hannah will reach out…"), next steps and
 * delegation ("I'll ask Ahmed to email it"). A request or proposal answered by a commitment or an
 * acceptance becomes one item owned by whoever accepted it.
 */
final class ActionItemFinder {

    private enum Kind { COMMIT, REQUEST, PROPOSAL, THIRD_PERSON }

    private static final String ADVERBS = "(?:(?:also|just|quickly|then|definitely|probably|personally|actually|first|still|both|"
            + "go ahead and|try to|try and|make sure to|gladly|happily|immediately|now|today|right away|really)\\s+)*";

    private static final Pattern SELF = Pattern.compile(
            "\\b(?<strong>i'll need to|i will need to|i'll|i will|i'm going to|i am going to|i'm gonna|i'll go ahead and|we'll|we will|we're going to|we are going to"
                    + "|i'm on it and will)\\s+" + ADVERBS + "(?<verb>[a-z']+)"
                    + "|\\b(?<weak>let me|i can|i could|i should|i need to|i have to|i've got to|we need to|we should"
                    + "|we can|i plan to|i'm planning to)\\s+" + ADVERBS + "(?<wverb>[a-z']+)");
    private static final Pattern REQUEST = Pattern.compile(
            "\\b(?:would you mind|could you please|can you please|could you also|can you also|can you|could you|would you|will you|can u"
                    + "|i need you to|i'd like you to|i want you to|i'd love for you to|please|make sure you|make sure to"
                    + "|don't forget to|remember to|you need to|you'll need to|you should|you have to|if you could|if you can"
                    + "|let me know|keep me posted)\\s*" + ADVERBS + "(?<verb>[a-z']*)");
    private static final Pattern DELIVERY = Pattern.compile(
            "\\byou'll (?:have|get|receive|hear)\\s+(?:it|that|them|this|the|a|an|back|from|my|our|an)\\b");
    private static final Pattern PROPOSAL = Pattern.compile(
            "\\blet's\\s+(?:also\\s+|quickly\\s+|definitely\\s+)?(?<verb>schedule|set up|setup|book|pencil in|put|meet|reconvene|regroup|follow up"
                    + "|circle back|sync|touch base|do a|do another|have a|have another|find a time|pair|catch up|get together|plan a|arrange)\\b");
    private static final Pattern NEXT_STEP = Pattern.compile(
            "\\bnext steps? (?:for (?<who>me|you|us|[a-z]+) )?(?:is|are|will be|would be)\\s+(?:to\\s+|that i\\s+|for me to\\s+)?(?<verb>[a-z']+)");
    private static final Pattern THIRD_PERSON = Pattern.compile(
            "\\b(?<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?),?\\s+(?:will|is going to|is gonna|'s going to|needs to|has to|is to|can|should)\\s+"
                    + ADVERBS + "(?<verb>[a-z]+)");
    private static final Pattern THIRD_PERSON_CONTRACTED = Pattern.compile(
            "\\b(?<name>[A-Z][a-z]+)(?:'ll|'s going to|'s gonna)\\s+" + ADVERBS + "(?<verb>[a-z]+)");
    private static final Pattern DELEGATION = Pattern.compile(
            "^(?:ask|have|get|tell|remind)\\s+(?:(?:our|my|the|their)\\s+[a-z ]{0,30}?,?\\s*)?(?<name>[A-Z][a-z]+)(?:[^.,;]{0,20}?)?,?\\s+(?:to\\s+)?(?<verb>[a-z]+)");

    private static final Pattern LEADING = Pattern.compile(
            "^(?:(?:yes|yeah|yep|sure|okay|ok|alright|great|good|perfect|so|and|also|then|well|oh|right|thanks|thank you|"
                    + "absolutely|of course|no problem|sounds good|got it|fine|hi|hey|one more thing|one last thing)[,.!]?\\s+)+");
    private static final Pattern ACCEPT = Pattern.compile(
            "^(?:yes|yeah|yep|sure|of course|absolutely|will do|on it|ok|okay|done|happy to|no problem|sure thing|definitely"
                    + "|consider it done|got it|i will|i can|i'll do that|i'll do it|can do|perfect|great|sounds good|agreed|fine)\\b");
    private static final Pattern REFUSAL = Pattern.compile(
            "^(?:no[,.]|nope|unfortunately|sorry,? (?:i|we) can't|i can't|we can't|i'm afraid|not (?:this|right now|today))");
    private static final Pattern VOCATIVE_START = Pattern.compile("^(?<name>[A-Z][a-z]+),\\s");
    private static final Pattern VOCATIVE_END = Pattern.compile(",\\s+(?<name>[A-Z][a-z]+)[?.!]*$");
    private static final Pattern VOCATIVE_ALONE = Pattern.compile("^(?<name>[A-Z][a-z]+)[?.!]$");

    /** Verbs that make a commitment something done now, in the meeting, unless a date is said. */
    private static final Set<String> IN_MEETING = stems("be", "say", "admit", "bet", "never", "tell", "give me", "give you", "show", "walk",
            "explain", "start with", "start by", "start off", "stop", "keep", "leave", "see", "wait", "hold", "go", "look at",
            "check the", "take a look", "pull up", "think", "share my screen", "share the agenda", "share your screen", "hear",
            "repeat", "clarify", "describe", "elaborate", "remind", "spell", "speak", "introduce", "mute", "unmute", "try again",
            "grab", "find", "quickly", "double", "want", "like", "love", "need", "have a look", "cover", "pause",
            "confirm the last", "please", "jump", "dig", "move on", "turn", "continue", "ask you", "read", "know", "guess",
            "assume", "hope", "imagine", "probably", "not", "also", "mind", "do", "hang", "get started", "kick off", "recap", "summarise",
            "summarize", "answer", "talk me", "meet our", "meet my", "meet the");
    /** Words after a modal that are not the start of a task. */
    private static final Set<String> NOT_TASKS = Set.of("want", "like", "love", "be", "have", "probably", "definitely", "not",
            "never", "also", "mind");
    /** "The next step is a take-home exercise" names a thing, not work someone does. */
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "that", "this", "our", "your", "my", "their", "some");
    private static final Set<String> PRONOUNS = Set.of("you", "we", "i", "they", "he", "she", "it", "us", "me");
    /** What "we'll …" commits to without a date; other "we'll" sentences are usually forecasts ("we'll lose a week"). */
    private static final Set<String> WE_TASKS = Set.of("send", "write", "share", "email", "schedule", "book", "set", "prepare",
            "draft", "fix", "review", "follow", "reach", "call", "deliver", "ship", "investigate", "escalate");

    private final ConversationContext ctx;
    private final Document doc;
    private final LocalDate meetingDate;

    /** The index of each turn's first sentence (-1 for a turn without words). */
    private final int[] firstSentenceOfTurn;

    private ActionItemFinder(ConversationContext ctx) {
        this.ctx = ctx;
        this.doc = ctx.document();
        this.meetingDate = ctx.meetingDate();
        this.firstSentenceOfTurn = new int[doc.turns().size()];
        java.util.Arrays.fill(firstSentenceOfTurn, -1);
        for (Sentence s : doc.sentences()) {
            if (firstSentenceOfTurn[s.turn()] < 0) {
                firstSentenceOfTurn[s.turn()] = s.index();
            }
        }
    }

    static List<ActionItem> find(ConversationContext ctx) {
        return new ActionItemFinder(ctx).run();
    }

    private record Candidate(Kind kind, Sentence sentence, String clause, String verb, String ownerLabel, String ownerName,
                             Optional<DateMention> due, boolean tentative, boolean delivery, boolean also, int last) {
        Candidate withOwner(String label, String name) {
            return new Candidate(kind, sentence, clause, verb, label, name, due, tentative, delivery, also, last);
        }

        Candidate with(String newClause, Optional<DateMention> newDue) {
            return new Candidate(kind, sentence, newClause, verb, ownerLabel, ownerName, newDue, false, delivery, also, last);
        }

        Candidate withTentative(boolean t) {
            return new Candidate(kind, sentence, clause, verb, ownerLabel, ownerName, due, t, delivery, also, last);
        }

        Candidate confirmed() {
            return new Candidate(kind, sentence, clause, verb, ownerLabel, ownerName, due, false, delivery, also, last);
        }

        Candidate asCommitment(String label, String name, String newClause, Optional<DateMention> newDue, int newLast) {
            return new Candidate(Kind.COMMIT, sentence, newClause, verb, label, name, newDue, false, false, also,
                    Math.max(last, newLast));
        }

        Candidate extendedTo(int index) {
            return new Candidate(kind, sentence, clause, verb, ownerLabel, ownerName, due, tentative, delivery, also,
                    Math.max(last, index));
        }
    }

    private List<ActionItem> run() {
        List<Candidate> found = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            detect(s).ifPresent(found::add);
        }
        List<Candidate> items = link(found);
        items = resolveReferences(items);
        items = attachDeliveries(items);
        Set<Integer> itemSentences = new HashSet<>();
        found.forEach(c -> itemSentences.add(c.sentence().index()));
        items = attachTrailingDates(items, itemSentences);
        items.removeIf(Candidate::tentative);
        return dedupe(items);
    }

    // ---------------------------------------------------------------- detection

    private Optional<Candidate> detect(Sentence s) {
        String original = s.text().replace('\u2019', '\'');
        String lower = original.toLowerCase(Locale.ROOT);
        Optional<Candidate> best = Optional.empty();
        int bestAt = Integer.MAX_VALUE;

        int n = lower.length();
        for (Pattern p : mayAssign(lower) ? List.of(THIRD_PERSON, THIRD_PERSON_CONTRACTED) : List.<Pattern>of()) {
            Matcher third = p.matcher(original).useTransparentBounds(true);
            int from = 0;
            while (nextMatch(third, s, null, from, bestAt, n)) {
                Optional<Candidate> c = thirdPerson(s, original, third);
                if (c.isPresent()) {
                    best = c;
                    bestAt = third.start();
                    break;
                }
                from = third.start() + 1;
            }
        }
        if (containsAny(lower, SELF_CUES)) {
            Matcher self = SELF.matcher(lower).useTransparentBounds(true);
            int from = 0;
            while (nextMatch(self, s, SELF_FIRSTS, from, bestAt, n)) {
                Optional<Candidate> c = selfCommitment(s, original, lower, self);
                if (c.isPresent()) {
                    best = c;
                    bestAt = self.start();
                    break;
                }
                from = self.start() + 1;
            }
        }
        Matcher delivery = lower.contains("you'll") ? DELIVERY.matcher(lower) : null;
        if (delivery != null && delivery.find() && delivery.start() < bestAt) {
            Optional<DateMention> due = dueIn(s, original, delivery.start());
            if (due.isPresent()) {
                best = Optional.of(new Candidate(Kind.COMMIT, s, clean(original.substring(delivery.start())), "deliver",
                        s.speaker(), name(s.speaker()), due, false, true, false, s.index()));
                bestAt = delivery.start();
            }
        }
        if (containsAny(lower, REQUEST_CUES)) {
            Matcher request = REQUEST.matcher(lower).useTransparentBounds(true);
            int from = 0;
            while (nextMatch(request, s, REQUEST_FIRSTS, from, bestAt, n)) {
                Optional<Candidate> c = request(s, original, lower, request);
                if (c.isPresent()) {
                    best = c;
                    bestAt = request.start();
                    break;
                }
                from = request.start() + 1;
            }
        }
        Matcher proposal = lower.contains("let's") ? PROPOSAL.matcher(lower) : null;
        if (proposal != null && proposal.find() && proposal.start() < bestAt && !conditional(lower, proposal.start())) {
            best = Optional.of(new Candidate(Kind.PROPOSAL, s, clean(original.substring(proposal.start("verb"))),
                    proposal.group("verb"), s.speaker(), name(s.speaker()), dueIn(s, original, proposal.start()), false, false, false, s.index()));
            bestAt = proposal.start();
        }
        Matcher next = lower.contains("next step") ? NEXT_STEP.matcher(lower) : null;
        if (next != null && next.find() && next.start() < bestAt && !IN_MEETING.contains(Stemmer.stem(next.group("verb")))
                && !DETERMINERS.contains(next.group("verb"))) {
            String who = next.group("who");
            String label = s.speaker();
            String ownerName = name(label);
            Kind kind = Kind.COMMIT;
            if ("you".equals(who)) {
                kind = Kind.REQUEST;
                label = null;
                ownerName = null;
            } else if (who != null && !who.equals("me") && !who.equals("us")) {
                Optional<Person> p = ctx.speakers().find(who);
                label = p.map(Person::label).orElse(null);
                ownerName = p.map(Person::name).orElse(capitalise(who));
            }
            best = Optional.of(new Candidate(kind, s, clean(original.substring(next.start("verb"))), next.group("verb"),
                    label, ownerName, dueIn(s, original, next.start()), false, false, false, s.index()));
        }
        return best;
    }

    /** Cheap checks that spare most sentences the full patterns. */
    private static final String[] SELF_CUES = {"i'll", "i will", "i'm", "i am", "we'll", "we will", "we're", "we are",
            "let me", "i can", "i could", "i should", "i need", "i have to", "i've got", "we need", "we should", "we can", "i plan"};
    private static final String[] REQUEST_CUES = {"you", "please", "make sure", "forget", "remember", "let me know",
            "keep me posted"};
    private static final String[] ASSIGN_CUES = {" will ", " going to ", " gonna ", " needs to ", " has to ", " is to ",
            " can ", " should ", "'ll ", "'s going"};

    private static final Set<String> SELF_FIRSTS = Set.of("i'll", "i", "we'll", "we", "i'm", "we're", "let", "i've");
    private static final Set<String> REQUEST_FIRSTS = Set.of("would", "could", "can", "will", "i", "i'd", "please", "make",
            "don't", "remember", "you", "you'll", "if", "let", "keep");

    /**
     * Moves {@code m} to the next match that starts at a word in {@code firsts} (a capitalised word when
     * null), at or after {@code from} and before {@code limit}: patterns are only tried where they can start.
     */
    private static boolean nextMatch(Matcher m, Sentence s, Set<String> firsts, int from, int limit, int length) {
        harmony.core.intelligence.text.Tokens t = s.tokens();
        for (int k = 0; k < t.size(); k++) {
            int at = t.starts()[k];
            if (at < from) {
                continue;
            }
            if (at >= limit) {
                return false;
            }
            if (firsts == null ? !t.isCapitalized(k) : !firsts.contains(t.lower()[k])) {
                continue;
            }
            m.region(at, length);
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String lower, String[] cues) {
        for (String c : cues) {
            if (lower.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mayAssign(String lower) {
        return containsAny(lower, ASSIGN_CUES);
    }

    private Optional<Candidate> thirdPerson(Sentence s, String original, Matcher m) {
        if (original.substring(m.end()).startsWith(" you") || original.substring(m.start("verb")).matches("you\\b.*")) {
            return Optional.empty();
        }
        String spoken = m.group("name");
        String verb = m.group("verb");
        if (PRONOUNS.contains(verb) || NOT_TASKS.contains(verb) || !looksLikeName(spoken)) {
            return Optional.empty();
        }
        Optional<Person> person = ctx.speakers().find(spoken);
        if (person.isEmpty() && (m.start() == 0 || LEADING.matcher(original).replaceFirst("").startsWith(spoken))) {
            return Optional.empty();
        }
        Optional<DateMention> due = dueIn(s, original, m.start());
        if (inMeeting(verb, original.toLowerCase(Locale.ROOT).substring(m.start("verb")), due)) {
            return Optional.empty();
        }
        if (person.isPresent() && s.speaker().equals(person.get().label())) {
            return Optional.empty(); // someone saying their own name is not assigning work
        }
        return Optional.of(new Candidate(Kind.THIRD_PERSON, s, clean(original.substring(m.start("verb"))), verb,
                person.map(Person::label).orElse(null), person.map(Person::name).orElse(spoken), due, false, false, false, s.index()));
    }

    private Optional<Candidate> selfCommitment(Sentence s, String original, String lower, Matcher m) {
        boolean weak = m.group("weak") != null;
        String verb = weak ? m.group("wverb") : m.group("verb");
        int verbAt = weak ? m.start("wverb") : m.start("verb");
        String trigger = weak ? m.group("weak") : m.group("strong");
        String rest = lower.substring(verbAt);
        if (rest.startsWith("have been") || trigger.equals("let me") && verb.equals("know")
                || weak && verb.equals("have") && rest.matches("have [a-z]+(?:ed|en|wn|ne|t)\\b.*")) {
            return Optional.empty(); // "let me know" is a request, handled there
        }
        Optional<DateMention> due = dueIn(s, original, m.start());
        boolean delivery = verb.equals("have") && rest.matches("have (?:it|that|them|this|the|a|an|my|our|something)\\b.*")
                || rest.startsWith("get back") || rest.startsWith("get it to") || rest.startsWith("get that to");
        if (delivery) {
            if (due.isEmpty()) {
                return Optional.empty();
            }
        } else if (inMeeting(verb, rest, due) && !rest.startsWith("let you know")
                && !rest.matches("(?:do|handle) (?:that|it|this|so)\\b.*")) {
            return Optional.empty();
        }
        boolean tentative = false;
        if (weak && due.isEmpty()) {
            // "I can send that over", "let me ask Sandra": an offer, kept only if someone takes it up
            tentative = true;
        }
        if (trigger.startsWith("we") && due.isEmpty() && !WE_TASKS.contains(verb)) {
            return Optional.empty();
        }
        String clause = personalise(clean(original.substring(verbAt)), s.speaker(), true) + condition(original, m.start());
        String ownerLabel = s.speaker();
        String ownerName = name(ownerLabel);
        Matcher d = DELEGATION.matcher(original.substring(verbAt));
        if (d.find()) {
            String spoken = d.group("name");
            Optional<Person> p = ctx.speakers().find(spoken);
            if ((p.isPresent() || looksLikeName(spoken)) && !p.map(Person::label).orElse("").equals(s.speaker())) {
                ownerLabel = p.map(Person::label).orElse(null);
                ownerName = p.map(Person::name).orElse(spoken);
            }
        }
        boolean also = lower.substring(m.start(), verbAt).contains("also");
        return Optional.of(new Candidate(Kind.COMMIT, s, clause, verb, ownerLabel, ownerName, due, tentative, delivery, also, s.index()));
    }

    private Optional<Candidate> request(Sentence s, String original, String lower, Matcher m) {
        String verb = m.group("verb");
        String trigger = lower.substring(m.start(), m.start("verb")).strip();
        boolean letMeKnow = trigger.startsWith("let me know") || trigger.startsWith("keep me posted");
        if (!trigger.startsWith("if you") && conditional(lower, m.start())) {
            return Optional.empty();
        }
        Optional<DateMention> due = dueIn(s, original, m.start());
        int from = letMeKnow ? m.start() : m.start("verb");
        String rest = lower.substring(from);
        if (!letMeKnow) {
            if (verb.isEmpty() || NOT_TASKS.contains(verb) || PRONOUNS.contains(verb)) {
                return Optional.empty();
            }
            if (inMeeting(verb, rest, due) || rest.matches("do(?: that| it| this| so)?\\W*$")) {
                return Optional.empty();
            }
        }
        String clause = personalise(clean(original.substring(from)), s.speaker(), false);
        return Optional.of(new Candidate(Kind.REQUEST, s, clause, verb, null, null, due, false, false, false, s.index()));
    }

    /** Work done there and then ("let me check", "can you hear me") unless a deadline is said. */
    private boolean inMeeting(String verb, String rest, Optional<DateMention> due) {
        boolean now = IN_MEETING.contains(Stemmer.stem(verb)) || startsWithAny(rest, IN_MEETING);
        return now && due.map(d -> !d.deadline() && d.date().equals(meetingDate)).orElse(true);
    }

    // ---------------------------------------------------------------- linking requests and answers

    private List<Candidate> link(List<Candidate> found) {
        List<Candidate> out = new ArrayList<>();
        Set<Integer> consumed = new HashSet<>();
        for (Candidate c : found) {
            if (consumed.contains(c.sentence().index())) {
                continue;
            }
            if (c.kind() == Kind.COMMIT && c.tentative()) {
                out.add(offerTakenUp(c) ? c.confirmed() : c);
                continue;
            }
            if (c.kind() != Kind.REQUEST && c.kind() != Kind.PROPOSAL) {
                out.add(c);
                continue;
            }
            answer(c, found, consumed).ifPresent(out::add);
        }
        return out;
    }

    /** The candidates said in turns {@code from..to}; {@code found} is in sentence order. */
    private static List<Candidate> window(List<Candidate> found, int from, int to) {
        int lo = 0;
        int hi = found.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (found.get(mid).sentence().turn() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < found.size() && found.get(end).sentence().turn() <= to) {
            end++;
        }
        return found.subList(lo, end);
    }

    /** "I can spend a day on them." — "Please do." */
    private boolean offerTakenUp(Candidate offer) {
        int reply = replyTurn(offer.sentence());
        if (reply < 0) {
            return false;
        }
        String first = firstText(reply).toLowerCase(Locale.ROOT);
        return first.matches("^(?:yes,? )?(?:please do|please|yes please|do that|go ahead|that would be great|that would help|sounds good|perfect|great|deal)\\b.*");
    }

    /** The addressee's first turn among the next three, else the next other speaker's turn. */
    private int turnOf(String label, int after) {
        List<TimedTurn> turns = doc.turns();
        for (int t = after + 1; t < turns.size() && t <= after + 3; t++) {
            if (turns.get(t).speaker().equals(label)) {
                return t;
            }
        }
        return -1;
    }

    private int replyTurn(Sentence s) {
        List<TimedTurn> turns = doc.turns();
        for (int t = s.turn() + 1; t < turns.size() && t <= s.turn() + 2; t++) {
            if (!turns.get(t).speaker().equals(s.speaker())) {
                return t;
            }
        }
        return -1;
    }

    /** Resolves a request or proposal against the reply that follows it. */
    private Optional<Candidate> answer(Candidate c, List<Candidate> found, Set<Integer> consumed) {
        Sentence s = c.sentence();
        String vocative = c.kind() == Kind.REQUEST ? vocative(s) : null;
        Optional<Person> addressee = vocative == null ? Optional.empty() : ctx.speakers().find(vocative)
                .filter(p -> p.label() != null && !p.label().equals(s.speaker()));
        int replyTurn = addressee.map(p -> turnOf(p.label(), s.turn())).orElseGet(() -> replyTurn(s));
        if (c.kind() == Kind.REQUEST && replyTurn >= 0
                && REFUSAL.matcher(firstText(replyTurn).toLowerCase(Locale.ROOT).replace('\u2019', '\'')).find()) {
            return Optional.empty();
        }
        for (Candidate other : window(found, s.turn(), Math.max(s.turn(), replyTurn))) {
            if (other == c || consumed.contains(other.sentence().index()) || other.kind() != Kind.COMMIT || other.also()) {
                continue;
            }
            Sentence o = other.sentence();
            boolean sameTurnAfter = c.kind() == Kind.PROPOSAL && o.turn() == s.turn() && o.index() > s.index()
                    && o.index() - s.index() <= 2;
            boolean inReply = o.turn() == replyTurn && o.index() - firstSentence(replyTurn) < 3;
            if ((sameTurnAfter || inReply) && (c.kind() == Kind.REQUEST || sameTurnAfter || overlaps(c, other))) {
                consumed.add(o.index());
                Set<String> added = contentWords(other.clause());
                added.removeAll(contentWords(c.clause()));
                String text = sameTurnAfter || added.size() >= 2 ? join(c.clause(), other.clause()) : c.clause();
                Optional<DateMention> due = other.due().isPresent() ? other.due() : c.due();
                return Optional.of(c.asCommitment(other.ownerLabel(), other.ownerName(), text, due, o.index()));
            }
        }
        if (c.kind() == Kind.PROPOSAL) {
            return Optional.of(c.withOwner(s.speaker(), name(s.speaker())));
        }
        Optional<DateMention> due = c.due();
        if (replyTurn >= 0) {
            String reply = firstText(replyTurn);
            String replyLower = reply.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (REFUSAL.matcher(replyLower).find()) {
                return Optional.empty();
            }
            if (due.isEmpty() && ACCEPT.matcher(replyLower).find()) {
                due = dueOf(firstSentence(replyTurn)); // "Will do, probably tomorrow."
            }
        }
        if (vocative != null) {
            Optional<Person> p = ctx.speakers().find(vocative);
            if (p.isPresent() && !s.speaker().equals(p.get().label())) {
                return Optional.of(c.asCommitment(p.get().label(), p.get().name(), c.clause(), due, s.index()));
            }
        }
        if (replyTurn >= 0) {
            String label = doc.turns().get(replyTurn).speaker();
            return Optional.of(c.asCommitment(label, name(label), c.clause(), due, s.index()));
        }
        List<String> others = ctx.transcript().speakers().stream().map(sp -> sp.label())
                .filter(l -> !l.equals(s.speaker())).toList();
        if (others.size() == 1) {
            return Optional.of(c.asCommitment(others.get(0), name(others.get(0)), c.clause(), due, s.index()));
        }
        return Optional.of(c.asCommitment(null, null, c.clause(), due, s.index()));
    }

    // ---------------------------------------------------------------- references and dates said elsewhere

    private static final Pattern REFERRING = Pattern.compile(
            "(?:[a-z'-]+ ){1,3}(?:it|them|this|those|these|one|him|her|that(?! (?:the|a|an|we|they|you|i|he|she|it|our|their|[a-z]+ (?:is|are|was|were|will|can|has|have))))\\b");

    private static final Pattern IT_DEPARTMENT = Pattern.compile("\\bIT\\b");
    private static final Pattern THE_SAME_THING = Pattern.compile("\\bthe same (?!day|time|way|week|month|page)\\w");

    /** "send it", "build that by Thursday", "by then", "the same email": words that point elsewhere. */
    private static boolean refersElsewhere(String lower) {
        return REFERRING.matcher(lower).lookingAt() || lower.contains("by then")
                || lower.contains("the same ") && THE_SAME_THING.matcher(lower).find();
    }
    private static final Set<String> CONFIRMING_VERBS = Set.of("do", "handle", "sort", "take");

    /**
     * Makes items that point elsewhere readable on their own: "I'll do that this afternoon" joins the
     * offer it confirms (same owner, a few sentences back); otherwise the nearest earlier sentence with
     * substance is added as context ("Build that by Thursday (I want a slide that breaks retention…)").
     */
    private List<Candidate> resolveReferences(List<Candidate> items) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : items) {
            // "check with IT" names a department, not a thing said before
            String lowerClause = IT_DEPARTMENT.matcher(c.clause()).replaceAll("I.T.").toLowerCase(Locale.ROOT);
            boolean refers = content(c.clause()).size() <= 2 || refersElsewhere(lowerClause);
            if (!refers || c.delivery()) {
                out.add(c);
                continue;
            }
            int prior = -1;
            for (int i = out.size() - 1; i >= 0; i--) {
                Candidate p = out.get(i);
                if (c.sentence().index() - p.last() > 4) {
                    break;
                }
                boolean sameOwner = p.ownerLabel() != null && p.ownerLabel().equals(c.ownerLabel());
                boolean confirms = p.tentative() || CONFIRMING_VERBS.contains(c.verb())
                        || Stemmer.stem(p.verb()).equals(Stemmer.stem(c.verb()));
                if (sameOwner && confirms && !p.delivery()) {
                    prior = i;
                    break;
                }
            }
            if (prior >= 0) {
                Candidate p = out.get(prior);
                String text = CONFIRMING_VERBS.contains(c.verb()) ? p.clause() : join(p.clause(), c.clause());
                out.set(prior, p.with(text, c.due().isPresent() ? c.due() : p.due()).withTentative(p.tentative() && c.tentative())
                        .extendedTo(c.sentence().index()));
                continue;
            }
            Sentence antecedent = antecedent(c.sentence());
            if (antecedent == null) {
                out.add(c);
                continue;
            }
            Optional<DateMention> due = c.due();
            if (due.isEmpty() && lowerClause.contains("by then")) {
                due = dueOf(antecedent.index());
            }
            out.add(c.with(c.clause() + " (" + trimEnd(antecedent.text()) + ")", due)
                    .withTentative(c.tentative()));
        }
        return out;
    }

    private static final Pattern STARTS_WITH_PRONOUN = Pattern.compile("^(?:it|that|they|this|those|these|he|she)\\b",
            Pattern.CASE_INSENSITIVE);

    private Sentence antecedent(Sentence s) {
        List<Sentence> all = doc.sentences();
        for (int i = s.index() - 1; i >= 0 && s.index() - i <= 4; i--) {
            Sentence p = all.get(i);
            String text = LEADING.matcher(p.text()).replaceFirst("");
            if (content(text).size() >= 3 && !STARTS_WITH_PRONOUN.matcher(text).find()
                    && !refersElsewhere(text.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    /** "You'll have it Wednesday morning": a delivery promise dates the owner's undated item just before it. */
    private List<Candidate> attachDeliveries(List<Candidate> items) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : items) {
            if (c.delivery() && c.due().isPresent()) {
                int target = -1;
                for (int i = out.size() - 1; i >= 0; i--) {
                    Candidate p = out.get(i);
                    if (c.sentence().index() - p.last() > 4) {
                        break;
                    }
                    if (p.ownerLabel() != null && p.ownerLabel().equals(c.ownerLabel())) {
                        target = i;
                        break;
                    }
                }
                if (target >= 0) {
                    Candidate p = out.get(target);
                    if (p.due().isEmpty()) {
                        out.set(target, p.with(p.clause(), c.due()).extendedTo(c.sentence().index()));
                    }
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    /** "I'll start the purchase order. Hopefully before the end of May." */
    private List<Candidate> attachTrailingDates(List<Candidate> items, Set<Integer> itemSentences) {
        List<Candidate> out = new ArrayList<>();
        List<Sentence> all = doc.sentences();
        for (Candidate c : items) {
            int next = c.last() + 1;
            if (c.due().isEmpty() && next < all.size() && all.get(next).turn() == all.get(c.last()).turn()
                    && all.get(next).wordCount() <= 6 && !itemSentences.contains(next)) {
                Optional<DateMention> d = dueOf(next);
                if (d.isPresent()) {
                    out.add(c.with(c.clause(), d).withTentative(c.tentative()));
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    private String vocative(Sentence s) {
        Matcher m = VOCATIVE_START.matcher(LEADING.matcher(s.text()).replaceFirst(""));
        if (m.find() && isPersonName(m.group("name"))) {
            return m.group("name");
        }
        m = VOCATIVE_END.matcher(s.text());
        if (m.find() && isPersonName(m.group("name"))) {
            return m.group("name");
        }
        if (s.index() > 0) {
            Sentence prev = doc.sentences().get(s.index() - 1);
            if (prev.turn() == s.turn()) {
                m = VOCATIVE_ALONE.matcher(prev.text());
                if (m.find() && isPersonName(m.group("name"))) {
                    return m.group("name");
                }
            }
        }
        return null;
    }

    private boolean isPersonName(String word) {
        return ctx.speakers().find(word).isPresent();
    }

    private int firstSentence(int turn) {
        return firstSentenceOfTurn[turn];
    }

    private String firstText(int turn) {
        int i = firstSentence(turn);
        return i < 0 ? "" : doc.sentences().get(i).text();
    }

    private boolean overlaps(Candidate a, Candidate b) {
        Set<String> x = content(a.clause());
        Set<String> y = content(b.clause());
        for (String w : x) {
            if (y.contains(w)) {
                return true;
            }
        }
        return a.due().isPresent() && b.due().isPresent() && a.due().get().date().equals(b.due().get().date());
    }

    // ---------------------------------------------------------------- results

    private List<ActionItem> dedupe(List<Candidate> items) {
        List<ActionItem> out = new ArrayList<>();
        List<Set<String>> seen = new ArrayList<>();
        for (Candidate c : items) {
            Set<String> words = content(c.clause());
            boolean duplicate = false;
            for (int i = 0; i < out.size(); i++) {
                ActionItem prior = out.get(i);
                if (!java.util.Objects.equals(prior.ownerName(), c.ownerName())) {
                    continue;
                }
                int a = seen.get(i).size();
                int b = words.size();
                if (Math.min(a, b) < 0.6 * Math.max(a, b)) {
                    continue; // sets this different in size cannot reach a Jaccard of 0.6
                }
                if (jaccard(seen.get(i), words) >= 0.6) {
                    duplicate = true;
                    if (prior.dueDate() == null && c.due().isPresent()) {
                        out.set(i, new ActionItem(prior.text(), prior.ownerLabel(), prior.ownerName(), c.due().get().date(),
                                prior.evidence()));
                    }
                }
            }
            if (!duplicate) {
                Sentence s = c.sentence();
                out.add(new ActionItem(capitalise(c.clause()), c.ownerLabel(), c.ownerName(),
                        c.due().map(DateMention::date).orElse(null), ctx.evidence(s.speaker(), s.startMs(), s.text())));
                seen.add(words);
            }
        }
        return out;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int inter = 0;
        for (String w : a) {
            if (b.contains(w)) {
                inter++;
            }
        }
        return inter / (double) (a.size() + b.size() - inter);
    }

    // ---------------------------------------------------------------- helpers

    private static final Pattern DATE_CLAUSE_END = Pattern.compile(",\\s+(?:so|but|because|which|although)\\s|\\s+because\\s");

    /** The due date said in a sentence from the trigger on, up to a clause that gives a reason ("…, so Wednesday is the latest"). */
    private Optional<DateMention> dueIn(Sentence s, String original, int from) {
        if (ctx.dates(s).isEmpty()) {
            return Optional.empty();
        }
        Matcher end = DATE_CLAUSE_END.matcher(original);
        int until = end.find(from) ? end.start() : original.length();
        List<DateMention> inClause = new ArrayList<>();
        for (DateMention d : ctx.dates(s)) {
            if (d.start() >= from && d.end() <= until) {
                inClause.add(d);
            }
        }
        return RelativeDates.dueDate(inClause);
    }

    private Optional<DateMention> dueOf(int sentence) {
        return sentence < 0 ? Optional.empty() : RelativeDates.dueDate(ctx.dates(doc.sentences().get(sentence)));
    }

    private String name(String label) {
        return label == null ? null : ctx.speakers().displayName(label);
    }

    private static final Pattern IF_OR_UNLESS = Pattern.compile("\\b(?:if|unless)\\b");
    private static final Pattern IF_YOU = Pattern.compile("\\bif you\\b");

    /** "If the certificate slips, let me know" — work that only happens on a condition is not (yet) an item. */
    private static boolean conditional(String lower, int at) {
        String clause = lower.substring(0, at);
        return IF_OR_UNLESS.matcher(clause).find() && !IF_YOU.matcher(clause).find();
    }

    private static final List<String> IN_MEETING_PHRASES = IN_MEETING.stream().filter(p -> p.indexOf(' ') > 0).sorted().toList();

    private static boolean startsWithAny(String rest, Set<String> phrases) {
        for (String p : phrases == IN_MEETING ? IN_MEETING_PHRASES : List.copyOf(phrases)) {
            if (rest.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean looksLikeName(String word) {
        return word.length() > 1 && Character.isUpperCase(word.charAt(0)) && !NOT_NAMES.contains(word.toLowerCase(Locale.ROOT));
    }

    private static final Set<String> NOT_NAMES = Set.of("i", "we", "you", "they", "he", "she", "it", "that", "this", "there",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "legal", "finance",
            "sales", "support", "engineering", "marketing", "product", "procurement", "someone", "everyone", "nobody",
            "who", "what", "which", "then", "so", "and", "but", "also", "great", "okay", "sure", "yes", "thanks", "perfect",
            "good", "the", "our", "my", "your", "their", "one", "if", "when", "once", "let's", "let", "please");

    private static final String[] COURTESIES = {"please", "okay", "ok", "right", "thanks"};

    /** Drops trailing punctuation, a trailing courtesy ("…, please") and a trailing vocative ("…, Tom"). */
    private static String clean(String clause) {
        String c = trimEnd(clause.strip());
        String lower = c.toLowerCase(Locale.ROOT);
        for (String courtesy : COURTESIES) {
            if (lower.endsWith(" " + courtesy) && c.length() > courtesy.length() + 1) {
                c = trimEnd(c.substring(0, c.length() - courtesy.length() - 1));
                break;
            }
        }
        int comma = c.lastIndexOf(", ");
        if (comma > 0) {
            String tail = c.substring(comma + 2);
            if (tail.length() > 1 && Character.isUpperCase(tail.charAt(0)) && tail.substring(1).chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                c = c.substring(0, comma);
            }
        }
        return c;
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && " ,;:.!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private static final Pattern CONDITION = Pattern.compile("^(?:once|when|after|as soon as|if) [^,]{3,60},\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** "Once Brian signs off, I'll start the purchase order": the condition belongs to the item. */
    private static String condition(String sentence, int triggerAt) {
        String before = LEADING.matcher(sentence.substring(0, triggerAt)).replaceFirst("");
        if (CONDITION.matcher(before).matches()) {
            String c = before.strip().replaceAll(",$", "");
            return " " + Character.toLowerCase(c.charAt(0)) + c.substring(1);
        }
        return "";
    }

    private static final Pattern YOU = Pattern.compile("(?<=\\S )(you|your)\\b(?!'| (?:both|all|guys|two|folks|can|will|'ll|need|should|want))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ME = Pattern.compile("\\b(me|my)\\b");

    /**
     * Makes an item readable out of the conversation: in a two-person conversation a commitment's
     * "you" is the other person ("send Dana the report"); a request's "me" is whoever asked.
     */
    private String personalise(String clause, String speaker, boolean commitment) {
        if (commitment) {
            List<String> others = ctx.transcript().speakers().stream().map(sp -> sp.label())
                    .filter(l -> !l.equals(speaker)).toList();
            if (others.size() != 1) {
                return clause;
            }
            String other = name(others.get(0));
            return YOU.matcher(clause).replaceAll(r -> r.group(1).equalsIgnoreCase("you")
                    ? Matcher.quoteReplacement(other) : Matcher.quoteReplacement(other + "'s"));
        }
        String me = name(speaker);
        return ME.matcher(clause).replaceAll(r -> r.group(1).equals("me")
                ? Matcher.quoteReplacement(me) : Matcher.quoteReplacement(me + "'s"));
    }

    private static String join(String a, String b) {
        return a + "; " + b;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "to", "of", "for", "and", "or", "by", "on",
            "in", "at", "with", "from", "it", "that", "this", "them", "you", "me", "i", "we", "us", "your", "my", "our", "is",
            "be", "will", "can", "as", "so", "up", "over", "back", "then", "also", "please", "just", "all");

    private final java.util.Map<String, Set<String>> contentCache = new java.util.HashMap<>();

    /** {@link #contentWords(String)}, remembered for this conversation; callers must not change the set. */
    private Set<String> content(String text) {
        return contentCache.computeIfAbsent(text, ActionItemFinder::contentWords);
    }

    static Set<String> contentWords(String text) {
        Set<String> out = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            while (i < n && !isWordChar(lower.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && isWordChar(lower.charAt(i))) {
                i++;
            }
            if (i - start > 1) {
                String w = lower.substring(start, i);
                if (!FUNCTION_WORDS.contains(w)) {
                    out.add(Stemmer.stem(w));
                }
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'';
    }

    private static Set<String> stems(String... words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.add(w.indexOf(' ') > 0 ? w : Stemmer.stem(w));
        }
        return out;
    }
}
