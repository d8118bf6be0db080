package harmony.core.intelligence.projects;

/** Lets tests in other packages use the sample project. */
public final class ProjectDefinitionsTestAccess {
    public static Project sample() {
        return ProjectDefinitionsTest.sample();
    }

    private ProjectDefinitionsTestAccess() {
    }
}
