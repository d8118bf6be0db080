package harmony.core.intelligence.text;

import java.util.Set;

/** Common English words that carry no topic, plus talk fillers. */
public final class StopWords {
    private static final Set<String> WORDS = java.util.Collections.unmodifiableSet(new java.util.HashSet<>(java.util.Arrays.asList(("a about above after again against all also am an and any are aren't as at be "
            + "because been before being below between both but by can can't cannot could couldn't did didn't do does doesn't "
            + "doing don't down during each few for from further get gets got had hadn't has hasn't have haven't having he he'd "
            + "he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's "
            + "its itself let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves "
            + "out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs "
            + "them themselves then there there's these they they'd they'll they're they've this those through to too under "
            + "until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while "
            + "who who's whom why why's will with won't would wouldn't you you'd you'll you're you've your yours yourself "
            + "yourselves yes yeah yep okay ok sure right well just really thanks thank great good perfect like um uh oh hi hey "
            + "hello one two three going gonna think know want need make see say said go come take look thing things lot bit "
            + "maybe actually probably much many still even back sounds sound yep nope morning afternoon everyone today "
            + "tomorrow week next last time day let us would could also mean kind sort way guess pretty something anything "
            + "everything nothing new first around another every quick alright").split(" "))));

    public static boolean contains(String lowerWord) {
        return WORDS.contains(lowerWord);
    }

    private StopWords() {
    }
}
