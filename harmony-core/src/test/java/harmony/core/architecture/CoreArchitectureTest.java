package harmony.core.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import harmony.core.domain.PlantedDomainViolation;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hexagon's inner rules, held on core's own classes. */
class CoreArchitectureTest {

    /** Core is framework-free: the JDK plus the few libraries the architecture allows. */
    static final ArchRule CORE_USES_ONLY_ALLOWED_LIBRARIES = classes().that().resideInAPackage("harmony.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..", "harmony.core..", "org.slf4j..", "org.apache.tika..",
                    "com.fasterxml.jackson..", "jakarta.validation..")
            .because("harmony-core holds no JDBC, HTTP server, AWS or ONNX code");

    static final ArchRule DOMAIN_IS_INNERMOST = noClasses().that().resideInAPackage("harmony.core.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "harmony.core.application..", "harmony.core.ingest..", "harmony.core.pipeline..",
                    "harmony.core.intelligence..", "harmony.core.port..", "harmony.adapters..")
            .because("the domain speaks only its own language");

    static final ArchRule PORTS_DO_NOT_KNOW_SERVICES = noClasses().that().resideInAPackage("harmony.core.port..")
            .should().dependOnClassesThat().resideInAPackage("harmony.core.application..");

    static final ArchRule CORE_NEVER_REACHES_ADAPTERS = noClasses().that().resideInAPackage("harmony.core..")
            .should().dependOnClassesThat().resideInAnyPackage("harmony.adapters..", "harmony.app..", "harmony.testkit..");

    /** Core's areas (domain, ingest, pipeline, intelligence, port.in, port.out, …), each with its subpackages. */
    static final SliceAssignment CORE_AREAS = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith("harmony.core")) {
                return SliceIdentifier.ignore();
            }
            String[] parts = pkg.equals("harmony.core") ? new String[] {"(root)"} : pkg.substring("harmony.core.".length()).split("\\.");
            return SliceIdentifier.of(parts[0].equals("port") && parts.length > 1 ? "port." + parts[1] : parts[0]);
        }

        @Override
        public String getDescription() {
            return "core's areas, port.in and port.out apart";
        }
    };

    static final ArchRule NO_PACKAGE_CYCLES = slices().assignedFrom(CORE_AREAS).should().beFreeOfCycles();

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("harmony.core");

    @Test
    void coreUsesOnlyAllowedLibraries() {
        CORE_USES_ONLY_ALLOWED_LIBRARIES.check(CORE);
    }

    @Test
    void domainIsInnermost() {
        DOMAIN_IS_INNERMOST.check(CORE);
    }

    @Test
    void portsDoNotKnowServices() {
        PORTS_DO_NOT_KNOW_SERVICES.check(CORE);
    }

    @Test
    void coreNeverReachesAdapters() {
        CORE_NEVER_REACHES_ADAPTERS.check(CORE);
    }

    @Test
    void corePackagesAreFreeOfCycles() {
        NO_PACKAGE_CYCLES.check(CORE);
    }

    @Test
    void aPlantedViolationFails() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedDomainViolation.class);
        assertThatThrownBy(() -> DOMAIN_IS_INNERMOST.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PlantedDomainViolation");
        assertThatThrownBy(() -> CORE_USES_ONLY_ALLOWED_LIBRARIES.check(planted)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.junit");
    }
}
