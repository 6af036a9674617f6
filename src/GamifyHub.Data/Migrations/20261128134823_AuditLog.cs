using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GamifyHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Action_Id",
                table: "AuditLog",
                columns: new[] { "Action", "Id" });

            // The earlier per-feature histories, in time order, so the one log starts complete.
            migrationBuilder.Sql("""
                INSERT INTO AuditLog (At, Actor, Action, Subject, Details)
                SELECT At, Actor, Action, Subject, Details FROM (
                    SELECT At, Actor, CASE Kind WHEN 'apply' THEN 'rules.applied' ELSE 'rules.previewed' END AS Action,
                           'version ' || Version AS Subject, Summary AS Details FROM RuleChanges
                    UNION ALL SELECT At, Actor, 'seasons.changed', NULL, '{"seasons":' || Calendar || '}' FROM SeasonChanges
                    UNION ALL SELECT At, Actor, 'sla.changed', NULL, '{"targets":' || Targets || '}' FROM SlaChanges
                    UNION ALL SELECT At, Actor, 'routing.changed', NULL, Rules FROM RoutingRuleChanges
                    UNION ALL SELECT At, Actor, 'taxonomy.changed', NULL, Taxonomy FROM TaxonomyChanges)
                ORDER BY At;
                """);

            // Append-only, enforced by the database itself.
            migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoUpdate BEFORE UPDATE ON AuditLog BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoDelete BEFORE DELETE ON AuditLog BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditLog_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditLog_NoDelete;");
            migrationBuilder.DropTable(
                name: "AuditLog");
        }
    }
}
