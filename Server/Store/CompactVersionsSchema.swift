import GRDB

/// The migration that lets an entity row store no versions (``StoredEntity/versions`` empty: every field at its
/// last change), which a new entity's row does from now on (issue 14: a tenth of the bytes each pushed annotation
/// wrote, and a JSON text written for it). Nothing changes in the tables; the migration is recorded so that an
/// older server, which would read the empty text as broken, refuses the store instead.
///
/// Registered after the entity index migration; never edited once shipped. PostgreSQL records the same as
/// `pg2` (``PostgresSchema``).
enum CompactVersionsSchema {
    /// Registers the migration.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6 an entity row may store no versions: every field at its last change") { _ in }
    }
}
