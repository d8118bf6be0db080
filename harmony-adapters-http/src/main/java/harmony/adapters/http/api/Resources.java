package harmony.adapters.http.api;

import harmony.core.domain.Contact;
import harmony.core.domain.Conversation;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.Processing;
import harmony.core.domain.Recording;
import harmony.core.domain.Speaker;
import harmony.core.domain.Team;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.domain.User;
import harmony.core.port.in.Actor;
import harmony.core.port.in.BrowseDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Domain values as the contract's JSON resources (maps keep field order and omit what is absent). */
final class Resources {
    private final BrowseDirectory directory;

    Resources(BrowseDirectory directory) {
        this.directory = directory;
    }

    /** Resolves names once per request: teams and users are few; contacts are looked up by id. */
    Names names(Actor actor) {
        return new Names(actor);
    }

    final class Names {
        private final Actor actor;
        private Map<String, String> teams;
        private Map<String, String> users;
        private final Map<String, String> contacts = new HashMap<>();

        Names(Actor actor) {
            this.actor = actor;
        }

        String team(String id) {
            if (teams == null) {
                teams = new HashMap<>();
                directory.teams(actor).forEach(t -> teams.put(t.id(), t.name()));
            }
            return teams.get(id);
        }

        String user(String id) {
            if (users == null) {
                users = new HashMap<>();
                directory.users(actor).forEach(u -> users.put(u.id(), u.name()));
            }
            return users.get(id);
        }

        String contact(String id) {
            return contacts.computeIfAbsent(id, k -> directory.contact(actor, k).map(Contact::name).orElse(null));
        }
    }

    Map<String, Object> conversation(Conversation c, Names names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("reference", c.reference());
        m.put("title", c.title());
        m.put("source", c.source().wireName());
        m.put("medium", c.medium().wireName());
        m.put("status", c.status().wireName());
        m.put("processing", processing(c.processing()));
        m.put("team", ref(c.teamId(), names.team(c.teamId())));
        m.put("contact", ref(c.contactId(), names.contact(c.contactId())));
        m.put("owner", ref(c.ownerId(), names.user(c.ownerId())));
        m.put("tags", c.tags());
        m.put("customFields", c.customFields());
        m.put("occurredAt", c.occurredAt());
        m.put("createdAt", c.createdAt());
        m.put("updatedAt", c.updatedAt());
        if (c.sourceUrl() != null) {
            m.put("sourceUrl", c.sourceUrl());
        }
        if (c.recording() != null) {
            m.put("recording", recording(c.recording()));
        }
        return m;
    }

    static Map<String, Object> processing(Processing p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", p.stage());
        m.put("progress", p.progress());
        m.put("startedAt", p.startedAt());
        m.put("attempts", p.attempts());
        if (p.error() != null) {
            m.put("error", p.error());
        }
        return m;
    }

    static Map<String, Object> recording(Recording r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filename", r.filename());
        m.put("sizeBytes", r.sizeBytes());
        m.put("mimeType", r.mimeType());
        m.put("durationMs", r.durationMs());
        return m;
    }

    static Map<String, Object> transcript(Transcript t) {
        List<Map<String, Object>> speakers = new ArrayList<>();
        for (Speaker s : t.speakers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", s.label());
            if (s.name() != null) {
                m.put("name", s.name());
            }
            if (s.contactId() != null) {
                m.put("contactId", s.contactId());
            }
            if (s.userId() != null) {
                m.put("userId", s.userId());
            }
            speakers.add(m);
        }
        List<Map<String, Object>> turns = new ArrayList<>();
        for (Turn turn : t.turns()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("speaker", turn.speaker());
            m.put("startMs", turn.startMs());
            m.put("endMs", turn.endMs());
            m.put("text", turn.text());
            turns.add(m);
        }
        return Map.of("speakers", speakers, "turns", turns);
    }

    static Map<String, Object> team(Team t) {
        return ref(t.id(), t.name());
    }

    static Map<String, Object> user(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("name", u.name());
        m.put("email", u.email());
        m.put("teamIds", u.teamIds().stream().sorted().toList());
        return m;
    }

    static Map<String, Object> contact(Contact c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("email", c.email());
        m.put("company", c.company());
        return m;
    }

    static Map<String, Object> customField(CustomFieldDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", d.key());
        m.put("label", d.label());
        m.put("type", d.type().wireName());
        m.put("options", d.options());
        m.put("required", d.required());
        return m;
    }

    static Map<String, Object> ref(String id, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        return m;
    }
}
