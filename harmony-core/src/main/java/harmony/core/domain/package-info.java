/**
 * The domain language of Harmony as immutable values: workspaces, their directory (teams, users,
 * contacts, custom fields), conversations and what processing learns about them.
 * Depends on nothing but the JDK.
 */
package harmony.core.domain;
