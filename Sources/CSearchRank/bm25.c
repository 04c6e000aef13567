#include "CSearchRank.h"

#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

// What a query keeps between rows (FTS5's auxdata, freed with the query).
typedef struct {
    int phraseCount;
    int columnCount;
    double *weight;
    double averageLength;
    double *idf;
    double *frequency;
    // Rows scored so far, and when to stop seeking lengths one by one.
    sqlite3_int64 scored;
    sqlite3_int64 scanAfter;
    // Every row's length by rowid, once read (NULL before, or when the index is too sparse to hold it this way).
    int *lengths;
    sqlite3_int64 lengthCount;
    int scanTried;
    // The last length sought one by one: the scan's result must agree with it (the function was registered for
    // one index's %_docsize, and SQL could call it on another).
    sqlite3_int64 soughtRowid;
    int soughtLength;
} QueryData;

typedef struct {
    char *table;
} FunctionData;

static void freeQueryData(void *pointer) {
    QueryData *data = pointer;
    if (data) sqlite3_free(data->lengths);
    sqlite3_free(data);
}

static void freeFunctionData(void *pointer) {
    FunctionData *data = pointer;
    if (data) sqlite3_free(data->table);
    sqlite3_free(data);
}

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *user) {
    (void)api;
    (void)fts;
    (*(sqlite3_int64 *)user)++;
    return SQLITE_OK;
}

// SQLite's varint (FTS5 writes %_docsize with it): 7 bits per byte, high bit set on all but the last; a ninth byte
// carries 8. Returns the bytes read, 0 when the blob ends first.
static int readVarint(const unsigned char *bytes, int available, sqlite3_uint64 *value) {
    sqlite3_uint64 result = 0;
    for (int i = 0; i < available && i < 9; i++) {
        if (i == 8) {
            *value = (result << 8) | bytes[i];
            return 9;
        }
        result = (result << 7) | (bytes[i] & 0x7f);
        if (!(bytes[i] & 0x80)) {
            *value = result;
            return i + 1;
        }
    }
    return 0;
}

// Reads every row's total length from %_docsize into data->lengths. Leaves it NULL (the caller keeps seeking) when
// the rowids are too sparse for an array, when the table disagrees with FTS5's row count, or on any error.
static void readAllLengths(sqlite3 *db, const char *table, sqlite3_int64 rowCount, QueryData *data) {
    data->scanTried = 1;
    sqlite3_stmt *statement = NULL;
    char *sql = sqlite3_mprintf("SELECT max(id) FROM \"main\".\"%w_docsize\"", table);
    if (!sql) return;
    int rc = sqlite3_prepare_v2(db, sql, -1, &statement, NULL);
    sqlite3_free(sql);
    if (rc != SQLITE_OK) return;
    sqlite3_int64 maxID = -1;
    if (sqlite3_step(statement) == SQLITE_ROW) maxID = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    if (maxID < 0 || maxID > 4 * rowCount + 1024) return;

    int *lengths = sqlite3_malloc64((sqlite3_uint64)(maxID + 1) * sizeof(int));
    if (!lengths) return;
    for (sqlite3_int64 i = 0; i <= maxID; i++) lengths[i] = -1;
    sql = sqlite3_mprintf("SELECT id, sz FROM \"main\".\"%w_docsize\"", table);
    if (!sql || sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) {
        sqlite3_free(sql);
        sqlite3_free(lengths);
        return;
    }
    sqlite3_free(sql);
    sqlite3_int64 rows = 0;
    int valid = 1;
    while (valid && (rc = sqlite3_step(statement)) == SQLITE_ROW) {
        sqlite3_int64 id = sqlite3_column_int64(statement, 0);
        const unsigned char *blob = sqlite3_column_blob(statement, 1);
        int size = sqlite3_column_bytes(statement, 1);
        sqlite3_uint64 total = 0;
        for (int offset = 0; offset < size;) {
            sqlite3_uint64 value;
            int read = readVarint(blob + offset, size - offset, &value);
            if (read == 0) {
                valid = 0;
                break;
            }
            total += value;
            offset += read;
        }
        if (id < 0 || id > maxID || total > 0x7fffffff) valid = 0;
        if (valid) lengths[id] = (int)total;
        rows++;
    }
    sqlite3_finalize(statement);
    if (!valid || rc != SQLITE_DONE || rows != rowCount) {
        sqlite3_free(lengths);
        return;
    }
    data->lengths = lengths;
    data->lengthCount = maxID + 1;
}

// Once per query: the terms bm25 computes before its first row (FTS5's fts5Bm25GetData).
static int makeQueryData(const Fts5ExtensionApi *api, Fts5Context *fts, QueryData **result) {
    int phraseCount = api->xPhraseCount(fts);
    int columnCount = api->xColumnCount(fts);
    size_t size = sizeof(QueryData) + sizeof(double) * (2 * (size_t)phraseCount + (size_t)columnCount);
    QueryData *data = sqlite3_malloc64(size);
    if (!data) return SQLITE_NOMEM;
    memset(data, 0, size);
    data->phraseCount = phraseCount;
    data->columnCount = columnCount;
    data->idf = (double *)&data[1];
    data->frequency = &data->idf[phraseCount];
    data->weight = &data->frequency[phraseCount];

    sqlite3_int64 rowCount = 0, tokenCount = 0;
    int rc = api->xRowCount(fts, &rowCount);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokenCount);
    if (rc == SQLITE_OK) data->averageLength = (double)tokenCount / (double)rowCount;
    for (int i = 0; rc == SQLITE_OK && i < phraseCount; i++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, i, &hits, countRow);
        if (rc == SQLITE_OK) {
            // bm25's IDF, floored where a phrase is in more than half the rows, exactly as FTS5 does.
            double idf = log((rowCount - hits + 0.5) / (hits + 0.5));
            if (idf <= 0.0) idf = 1e-6;
            data->idf[i] = idf;
        }
    }
    // A scan of the lengths costs about what an eighth of the index's rows cost seeking one by one.
    data->scanAfter = rowCount / 8 > 64 ? rowCount / 8 : 64;
    if (rc != SQLITE_OK) {
        freeQueryData(data);
        return rc;
    }
    // On failure xSetAuxdata has freed `data` itself.
    rc = api->xSetAuxdata(fts, data, freeQueryData);
    if (rc == SQLITE_OK) *result = data;
    return rc;
}

static int rowLength(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, QueryData *data,
                     int *length) {
    if (!data->lengths && !data->scanTried && data->scored >= data->scanAfter) {
        FunctionData *function = api->xUserData(fts);
        sqlite3_int64 rowCount = 0;
        if (api->xRowCount(fts, &rowCount) == SQLITE_OK) {
            readAllLengths(sqlite3_context_db_handle(context), function->table, rowCount, data);
        }
        // Lengths of another index, or of nothing like what FTS5 reports: keep seeking.
        sqlite3_int64 sought = data->soughtRowid;
        if (data->lengths && (sought < 0 || sought >= data->lengthCount ||
                              data->lengths[sought] != data->soughtLength)) {
            sqlite3_free(data->lengths);
            data->lengths = NULL;
        }
    }
    data->scored++;
    sqlite3_int64 rowid = api->xRowid(fts);
    if (data->lengths) {
        if (rowid >= 0 && rowid < data->lengthCount && data->lengths[rowid] >= 0) {
            *length = data->lengths[rowid];
            return SQLITE_OK;
        }
    }
    int rc = api->xColumnSize(fts, -1, length);
    data->soughtRowid = rowid;
    data->soughtLength = *length;
    return rc;
}

// FTS5's fts5Bm25Function with the phrase frequencies summed per phrase (the same additions in the same order) and
// the row's length from rowLength.
static void bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int argumentCount,
                 sqlite3_value **arguments) {
    const double k1 = 1.2;
    const double b = 0.75;
    QueryData *data = api->xGetAuxdata(fts, 0);
    int rc = SQLITE_OK;
    if (!data) rc = makeQueryData(api, fts, &data);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    // Each column's weight, 1.0 where none is given: read once per row rather than once per phrase instance.
    for (int column = 0; column < data->columnCount; column++) {
        data->weight[column] = argumentCount > column ? sqlite3_value_double(arguments[column]) : 1.0;
    }
    for (int i = 0; rc == SQLITE_OK && i < data->phraseCount; i++) {
        double frequency = 0.0;
        Fts5PhraseIter iterator;
        int column, offset;
        for (rc = api->xPhraseFirst(fts, i, &iterator, &column, &offset); rc == SQLITE_OK && column >= 0;
             api->xPhraseNext(fts, &iterator, &column, &offset)) {
            frequency += column < data->columnCount ? data->weight[column] : 1.0;
        }
        data->frequency[i] = frequency;
    }
    int length = 0;
    if (rc == SQLITE_OK) rc = rowLength(api, fts, context, data, &length);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double score = 0.0;
    double rowTokens = (double)length;
    for (int i = 0; i < data->phraseCount; i++) {
        double frequency = data->frequency[i];
        double lengthTerm = k1 * (1 - b + b * rowTokens / data->averageLength);
        score += data->idf[i] * ((frequency * (k1 + 1.0)) / (frequency + lengthTerm));
    }
    sqlite3_result_double(context, -1.0 * score);
}

int bulletin_bm25_register(struct sqlite3 *db, const char *table) {
    fts5_api *api = NULL;
    sqlite3_stmt *statement = NULL;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK) return rc;
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    FunctionData *function = sqlite3_malloc(sizeof(FunctionData));
    if (!function) return SQLITE_NOMEM;
    function->table = sqlite3_mprintf("%s", table);
    if (!function->table) {
        sqlite3_free(function);
        return SQLITE_NOMEM;
    }
    return api->xCreateFunction(api, BULLETIN_BM25_FUNCTION, function, bm25, freeFunctionData);
}
