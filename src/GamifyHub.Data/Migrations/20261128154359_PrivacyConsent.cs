using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GamifyHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrivacyConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsentChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RankedByName = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrivacySettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IndividualBoards = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinimumGroupSize = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagersSeeIndividuals = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacySettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PseudonymKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PseudonymKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentChanges_EmployeeId_Id",
                table: "ConsentChanges",
                columns: new[] { "EmployeeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PrivacySettings_At",
                table: "PrivacySettings",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentChanges");

            migrationBuilder.DropTable(
                name: "PrivacySettings");

            migrationBuilder.DropTable(
                name: "PseudonymKeys");
        }
    }
}
