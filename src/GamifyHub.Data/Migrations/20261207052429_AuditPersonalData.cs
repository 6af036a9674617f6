using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GamifyHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditPersonalData",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuditEntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Details = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditPersonalData", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditPersonalData_AuditLog_AuditEntryId",
                        column: x => x.AuditEntryId,
                        principalTable: "AuditLog",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditPersonalData_AuditEntryId",
                table: "AuditPersonalData",
                column: "AuditEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditPersonalData_PersonId",
                table: "AuditPersonalData",
                column: "PersonId");

            // Lines written before this migration named people by email (actors, the subjects of user.* lines) and put names
            // into user.* details. The log stays append-only for the app: only this migration lifts the update trigger, and
            // puts it back in the same transaction. Personal parts move to AuditPersonalData (only for people who still have
            // a sign-in: the others are gone already), emails become user ids, and an email of no one "former colleague".
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditLog_NoUpdate;");
            migrationBuilder.Sql("""
                INSERT INTO AuditPersonalData (AuditEntryId, PersonId, Details)
                SELECT a.Id, u.Id, json_object('name', json_extract(a.Details, '$.name'), 'email', a.Subject)
                FROM AuditLog AS a JOIN AspNetUsers AS u ON u.NormalizedEmail = upper(a.Subject)
                WHERE a.Action = 'user.created' AND json_valid(a.Details);
                """);
            migrationBuilder.Sql("""
                INSERT INTO AuditPersonalData (AuditEntryId, PersonId, Details)
                SELECT a.Id, u.Id, json_object('nameBefore', json_extract(a.Details, '$.nameBefore'), 'name', json_extract(a.Details, '$.name'))
                FROM AuditLog AS a JOIN AspNetUsers AS u ON u.NormalizedEmail = upper(a.Subject)
                WHERE a.Action = 'user.changed' AND json_valid(a.Details) AND json_extract(a.Details, '$.nameBefore') IS NOT NULL;
                """);
            migrationBuilder.Sql("UPDATE AuditLog SET Details = json_remove(Details, '$.name') WHERE Action = 'user.created' AND json_valid(Details);");
            migrationBuilder.Sql("UPDATE AuditLog SET Details = json_remove(Details, '$.nameBefore', '$.name') WHERE Action = 'user.changed' AND json_valid(Details);");
            migrationBuilder.Sql("""
                UPDATE AuditLog SET Subject = COALESCE((SELECT u.Id FROM AspNetUsers AS u WHERE u.NormalizedEmail = upper(AuditLog.Subject)), 'former colleague')
                WHERE Subject LIKE '%@%' AND Action LIKE 'user.%';
                """);
            migrationBuilder.Sql("""
                UPDATE AuditLog SET Actor = COALESCE((SELECT 'user ' || u.Id FROM AspNetUsers AS u WHERE u.NormalizedEmail = upper(AuditLog.Actor)), 'former colleague')
                WHERE Actor LIKE '%@%';
                """);
            migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoUpdate BEFORE UPDATE ON AuditLog BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The emails and names taken out of the log are not put back.
            migrationBuilder.DropTable(
                name: "AuditPersonalData");
        }
    }
}
