/**
 * Projects and what they define: a project groups conversations by rules (team, tags, medium,
 * custom fields) and carries Insight Definitions, goals and scorecards. Definitions are data:
 * Java builders here, JSON import and export in {@link harmony.core.intelligence.projects.ProjectDefinitions},
 * storage through {@link harmony.core.port.out.ProjectCatalog}.
 */
package harmony.core.intelligence.projects;
