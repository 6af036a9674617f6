using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GamifyHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_ReceivedAt",
                table: "FeedbackItems");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ReceivedAt_Id",
                table: "FeedbackItems",
                columns: new[] { "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_Status_ReceivedAt_Id",
                table: "FeedbackItems",
                columns: new[] { "Status", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Insight_OccurredAt",
                table: "Events",
                column: "OccurredAt",
                filter: "\"Type\" = 'Insight'");

            // Full-text search over what customers wrote. FTS5 documents are keyed by an integer; FeedbackItems has only a
            // text key and an implicit rowid that VACUUM (INTO, used for backups) may renumber, so a small table of our own
            // gives every item a stable DocId. unicode61 folds case and, with remove_diacritics 2, umlauts and accents.
            migrationBuilder.Sql("""
                CREATE TABLE FeedbackSearchKeys (
                    DocId INTEGER PRIMARY KEY,
                    ItemId TEXT NOT NULL UNIQUE);
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE FeedbackSearch USING fts5(Text, Author, tokenize = 'unicode61 remove_diacritics 2');
                """);

            // Triggers keep it in step with every writer (intake, imports, the demo seeder) without any of them knowing.
            migrationBuilder.Sql("""
                CREATE TRIGGER FeedbackItems_Search_Insert AFTER INSERT ON FeedbackItems BEGIN
                    INSERT INTO FeedbackSearchKeys (ItemId) VALUES (new.Id);
                    INSERT INTO FeedbackSearch (rowid, Text, Author)
                        VALUES ((SELECT DocId FROM FeedbackSearchKeys WHERE ItemId = new.Id), new.Text, new.Author);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER FeedbackItems_Search_Update AFTER UPDATE OF Text, Author ON FeedbackItems BEGIN
                    DELETE FROM FeedbackSearch WHERE rowid = (SELECT DocId FROM FeedbackSearchKeys WHERE ItemId = old.Id);
                    INSERT INTO FeedbackSearch (rowid, Text, Author)
                        VALUES ((SELECT DocId FROM FeedbackSearchKeys WHERE ItemId = new.Id), new.Text, new.Author);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER FeedbackItems_Search_Delete AFTER DELETE ON FeedbackItems BEGIN
                    DELETE FROM FeedbackSearch WHERE rowid = (SELECT DocId FROM FeedbackSearchKeys WHERE ItemId = old.Id);
                    DELETE FROM FeedbackSearchKeys WHERE ItemId = old.Id;
                END;
                """);

            // Items stored before this migration become searchable now.
            migrationBuilder.Sql("INSERT INTO FeedbackSearchKeys (ItemId) SELECT Id FROM FeedbackItems ORDER BY ReceivedAt, Id;");
            migrationBuilder.Sql("""
                INSERT INTO FeedbackSearch (rowid, Text, Author)
                    SELECT k.DocId, f.Text, f.Author FROM FeedbackSearchKeys AS k JOIN FeedbackItems AS f ON f.Id = k.ItemId;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FeedbackItems_Search_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FeedbackItems_Search_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FeedbackItems_Search_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS FeedbackSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS FeedbackSearchKeys;");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_ReceivedAt_Id",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_FeedbackItems_Status_ReceivedAt_Id",
                table: "FeedbackItems");

            migrationBuilder.DropIndex(
                name: "IX_Events_Insight_OccurredAt",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackItems_ReceivedAt",
                table: "FeedbackItems",
                column: "ReceivedAt");
        }
    }
}
