using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneDigital.Content.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdminTitleSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The admin's "title contains": an FTS5 trigram index of the titles, over ContentItems' own rows
            // (external content, keyed by the row id), kept in step by triggers, so every write updates it in its
            // own transaction. A later migration that rebuilds ContentItems must create these triggers again.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ContentTitleSearch" USING fts5(
                    "DisplayText", content='ContentItems', content_rowid='Id', tokenize='trigram case_sensitive 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContentTitleSearch_Insert" AFTER INSERT ON "ContentItems" BEGIN
                    INSERT INTO "ContentTitleSearch"(rowid, "DisplayText") VALUES (new."Id", new."DisplayText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContentTitleSearch_Delete" AFTER DELETE ON "ContentItems" BEGIN
                    INSERT INTO "ContentTitleSearch"("ContentTitleSearch", rowid, "DisplayText") VALUES ('delete', old."Id", old."DisplayText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ContentTitleSearch_Update" AFTER UPDATE OF "DisplayText" ON "ContentItems" BEGIN
                    INSERT INTO "ContentTitleSearch"("ContentTitleSearch", rowid, "DisplayText") VALUES ('delete', old."Id", old."DisplayText");
                    INSERT INTO "ContentTitleSearch"(rowid, "DisplayText") VALUES (new."Id", new."DisplayText");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "ContentTitleSearch"("ContentTitleSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "ContentTitleSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "ContentTitleSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "ContentTitleSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "ContentTitleSearch";""");
        }
    }
}
