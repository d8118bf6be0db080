package harmony.adapters.http.api;

import harmony.core.port.in.BrowseDirectory;
import harmony.core.port.in.BrowseDirectory.Me;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the upload form needs: who am I, teams, users, contact type-ahead, custom fields. */
final class DirectoryEndpoints {
    private final BrowseDirectory directory;

    DirectoryEndpoints(ApiUseCases useCases) {
        this.directory = useCases.directory();
    }

    void register(Routes routes) {
        routes.get("/v1/me", x -> {
            Me me = directory.me(x.actor);
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", me.user().id());
            user.put("name", me.user().name());
            user.put("email", me.user().email());
            return Reply.ok(Map.of(
                    "user", user,
                    "workspace", Resources.ref(me.workspace().id(), me.workspace().name()),
                    "teams", me.teams().stream().map(Resources::team).toList()));
        });
        routes.get("/v1/teams", x -> Reply.ok(Map.of("items", directory.teams(x.actor).stream().map(Resources::team).toList())));
        routes.get("/v1/users", x -> Reply.ok(Map.of("items", directory.users(x.actor).stream().map(Resources::user).toList())));
        routes.get("/v1/contacts", x -> {
            int limit = Params.intParam(x.query("limit"), 20, 1, 100, "limit");
            return Reply.ok(Map.of("items", directory.searchContacts(x.actor, x.query("q"), limit).stream()
                    .map(Resources::contact).toList()));
        });
        routes.get("/v1/custom-fields", x -> Reply.ok(Map.of("items",
                directory.customFields(x.actor).stream().map(Resources::customField).toList())));
    }
}
