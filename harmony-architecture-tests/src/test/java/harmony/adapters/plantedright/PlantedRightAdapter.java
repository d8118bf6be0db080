package harmony.adapters.plantedright;

/** One side of a planted adapter-to-adapter dependency (test sources only). */
public final class PlantedRightAdapter {
    public static int answer() {
        return 42;
    }

    private PlantedRightAdapter() {
    }
}
