package harmony.adapters.plantedleft;

import harmony.adapters.plantedright.PlantedRightAdapter;

/** An adapter reaching into another adapter: what the rules forbid (test sources only). */
public final class PlantedLeftAdapter {
    public static int borrow() {
        return PlantedRightAdapter.answer();
    }

    private PlantedLeftAdapter() {
    }
}
