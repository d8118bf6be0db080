package harmony.testkit;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.CustomFieldType;
import harmony.core.domain.Team;
import harmony.core.domain.User;
import harmony.core.port.out.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Directory} must do. Subclasses supply a fresh, empty directory. */
public abstract class DirectoryContract {
    protected Directory directory;

    protected abstract Directory newDirectory();

    @BeforeEach
    void setUpDirectory() {
        directory = newDirectory();
        Fixtures.seed(directory);
    }

    @Test
    void listsTeamsUsersAndFieldsOfOneWorkspaceOnly() {
        assertThat(directory.workspace(WS).orElseThrow().name()).isEqualTo("Acme");
        assertThat(directory.teams(WS)).extracting(Team::name).containsExactly("Sales", "Support");
        assertThat(directory.users(WS)).extracting(User::name)
                .containsExactly("Ada Lovelace", "Grace Hopper", "Linus Torvalds");
        assertThat(directory.customFields(WS)).extracting(CustomFieldDefinition::key)
                .containsExactly("champion", "products", "projectCode", "region", "renewal", "seats");
        assertThat(directory.teams(Fixtures.OTHER_WS)).extracting(Team::id).containsExactly(Fixtures.OTHER_TEAM);
    }

    @Test
    void keepsUsersTeamMembershipAndFieldOptions() {
        assertThat(directory.user(WS, Fixtures.GRACE).orElseThrow().teamIds())
                .isEqualTo(Set.of(Fixtures.SALES, Fixtures.SUPPORT));
        assertThat(directory.user(WS, Fixtures.LINUS).orElseThrow().teamIds()).isEmpty();
        CustomFieldDefinition region = directory.customFields(WS).stream()
                .filter(f -> f.key().equals("region")).findFirst().orElseThrow();
        assertThat(region.type()).isEqualTo(CustomFieldType.SINGLE_SELECT);
        assertThat(region.options()).containsExactly("EMEA", "AMER", "APAC");
        assertThat(region.required()).isFalse();
    }

    @Test
    void findsByIdWithinTheWorkspaceOnly() {
        assertThat(directory.team(WS, Fixtures.SALES)).isPresent();
        assertThat(directory.contact(WS, Fixtures.DANA).orElseThrow().company()).isEqualTo("Initech");
        assertThat(directory.team(WS, Fixtures.OTHER_TEAM)).isEmpty();
        assertThat(directory.user(WS, Fixtures.OTHER_USER)).isEmpty();
        assertThat(directory.contact(WS, Fixtures.OTHER_CONTACT)).isEmpty();
    }

    @Test
    void searchesContactsByPrefixOfNameEmailOrAnyWord() {
        assertThat(names("da")).containsExactly("Dana Reyes");
        assertThat(names("reY")).containsExactly("Dana Reyes");
        assertThat(names("nata")).containsExactly("Priya Natarajan");
        assertThat(names("omar@")).containsExactly("Omar Little");
        assertThat(names("umbrella")).containsExactly("Priya Natarajan");
        assertThat(names("zz")).isEmpty();
        assertThat(names("")).containsExactly("Dana Reyes", "Omar Little", "Priya Natarajan");
        assertThat(directory.searchContacts(WS, "", 2)).hasSize(2);
    }

    @Test
    void replacesAnEntitySavedAgain() {
        directory.save(new Contact(Fixtures.DANA, WS, "Dana Reyes-Smith", "dana@initech.test", "Initech"));
        assertThat(directory.contact(WS, Fixtures.DANA).orElseThrow().name()).isEqualTo("Dana Reyes-Smith");
        directory.save(new CustomFieldDefinition("region", WS, "Region", CustomFieldType.SINGLE_SELECT, List.of("EU"), true));
        assertThat(directory.customFields(WS)).hasSize(6);
    }

    private List<String> names(String q) {
        return directory.searchContacts(WS, q, 20).stream().map(Contact::name).toList();
    }
}
