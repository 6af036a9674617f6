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

            // Full-text search over what customers wrote. A standalone FTS5 table keyed by the item's Id rather than an
            // external-content table on FeedbackItems' rowid: that rowid is implicit and VACUUM (INTO, used for backups) may
            // renumber it. unicode61 folds case and, with remove_diacritics 2, umlauts and accents (lädt = ladt).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE FeedbackSearch USING fts5(
                    ItemId UNINDEXED, Text, Author, tokenize = 'unicode61 remove_diacritics 2');
                """);

            // Triggers keep it in step with every writer (intake, imports, the demo seeder) without any of them knowing.
            migrationBuilder.Sql("""
                CREATE TRIGGER FeedbackItems_Search_Insert AFTER INSERT ON FeedbackItems BEGIN
                    INSERT INTO FeedbackSearch (ItemId, Text, Author) VALUES (new.Id, new.Text, new.Author);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER FeedbackItems_Search_Update AFTER UPDATE OF Text, Author ON FeedbackItems BEGIN
                    DELETE FROM FeedbackSearch WHERE ItemId = old.Id;
                    INSERT INTO FeedbackSearch (ItemId, Text, Author) VALUES (new.Id, new.Text, new.Author);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER FeedbackItems_Search_Delete AFTER DELETE ON FeedbackItems BEGIN
                    DELETE FROM FeedbackSearch WHERE ItemId = old.Id;
                END;
                """);

            // Items stored before this migration become searchable now.
            migrationBuilder.Sql("INSERT INTO FeedbackSearch (ItemId, Text, Author) SELECT Id, Text, Author FROM FeedbackItems;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FeedbackItems_Search_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FeedbackItems_Search_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS FeedbackItems_Search_Delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS FeedbackSearch;");

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
