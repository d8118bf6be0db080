package harmony.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import harmony.adapters.plantedleft.PlantedLeftAdapter;
import harmony.adapters.plantedright.PlantedRightAdapter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules between modules, checked on every module's main classes at once: adapters depend on
 * core only, never on each other; core depends on no adapter; only the app wires adapters together.
 */
class HexagonTest {

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("harmony.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("adapters meet only in the app that wires them");

    static final ArchRule CORE_KNOWS_NO_ADAPTER = noClasses().that().resideInAPackage("harmony.core..")
            .should().dependOnClassesThat().resideInAnyPackage("harmony.adapters..", "harmony.app..");

    static final ArchRule ADAPTERS_DO_NOT_KNOW_THE_APP = noClasses().that().resideInAPackage("harmony.adapters..")
            .should().dependOnClassesThat().resideInAnyPackage("harmony.app..");

    static final ArchRule NOTHING_SHIPPED_USES_THE_TESTKIT = noClasses()
            .that().resideInAnyPackage("harmony.core..", "harmony.adapters..", "harmony.app..")
            .should().dependOnClassesThat().resideInAPackage("harmony.testkit..");

    static final ArchRule ADAPTERS_USE_CORE_PORTS_NOT_SERVICES = noClasses().that().resideInAPackage("harmony.adapters..")
            .should().dependOnClassesThat().resideInAPackage("harmony.core.application..")
            .because("inbound adapters call in-ports; services are wired by the app");

    private static final JavaClasses SHIPPED = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("harmony");

    /** Guards against a vacuous pass: the rules must see every module's classes, from folders or jars. */
    @Test
    void theRulesSeeEveryModule() {
        assertThat(SHIPPED.containPackage("harmony.core.domain")).isTrue();
        assertThat(SHIPPED.containPackage("harmony.testkit")).isTrue();
        for (String adapter : new String[] {"filesystem", "jdbc", "s3", "http.api", "http.client", "speech"}) {
            assertThat(SHIPPED.containPackage("harmony.adapters." + adapter)).as(adapter).isTrue();
        }
        assertThat(SHIPPED.containPackage("harmony.app")).isTrue();
    }

    @Test
    void adaptersAreIndependent() {
        ADAPTERS_ARE_INDEPENDENT.check(SHIPPED);
    }

    @Test
    void coreKnowsNoAdapter() {
        CORE_KNOWS_NO_ADAPTER.check(SHIPPED);
    }

    @Test
    void adaptersDoNotKnowTheApp() {
        ADAPTERS_DO_NOT_KNOW_THE_APP.check(SHIPPED);
    }

    @Test
    void nothingShippedUsesTheTestkit() {
        NOTHING_SHIPPED_USES_THE_TESTKIT.check(SHIPPED);
    }

    @Test
    void adaptersUseCorePortsNotServices() {
        ADAPTERS_USE_CORE_PORTS_NOT_SERVICES.check(SHIPPED);
    }

    @Test
    void aPlantedAdapterToAdapterDependencyFails() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedLeftAdapter.class, PlantedRightAdapter.class);
        assertThatThrownBy(() -> ADAPTERS_ARE_INDEPENDENT.check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedLeftAdapter");
    }
}
