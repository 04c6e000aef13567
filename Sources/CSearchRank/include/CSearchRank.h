#ifndef CSEARCHRANK_H
#define CSEARCHRANK_H

// FTS5's bm25 ranking, score for score, for a one-shot search over many matches.
//
// The built-in bm25 looks each matched row's length up in the index's %_docsize table, one B-tree seek per row:
// at 9,000 matches that was half the ranking's time. This one does the same for the first rows of a query and,
// once a query has scored an eighth of the index, reads every row's length in one scan and looks the rest up in
// memory. The scores are the same doubles bm25 returns (same formula, same terms, same order of additions).
//
// sqlite3.h is included by the implementation only: Swift already sees it through GRDB's module.

struct sqlite3;

/// The SQL name of the function: `bulletin_bm25(<index>, weight…)`, called as bm25 is.
#define BULLETIN_BM25_FUNCTION "bulletin_bm25"

/// Registers BULLETIN_BM25_FUNCTION on one connection, for the FTS5 index named `table` in the main schema (its
/// %_docsize table is where the lengths are read; called on another index, the scanned lengths disagree with the ones
/// FTS5 reported and are not used). Returns SQLITE_OK or SQLite's error code.
int bulletin_bm25_register(struct sqlite3 *db, const char *table);

#endif
