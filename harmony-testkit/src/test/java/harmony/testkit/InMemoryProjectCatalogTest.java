package harmony.testkit;

import harmony.core.port.out.ProjectCatalog;

class InMemoryProjectCatalogTest extends ProjectCatalogContract {
    @Override
    protected ProjectCatalog catalog() {
        return new InMemoryProjectCatalog();
    }
}
