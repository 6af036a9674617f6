using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GamifyHub.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsKudosWallboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Kudos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GiverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GiverDepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiverId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiverDepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FeedbackId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    GivenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kudos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MutedNotificationTypes",
                columns: table => new
                {
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MutedNotificationTypes", x => new { x.EmployeeId, x.Type });
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NotificationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TranslationsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "WallboardTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WallboardTokens", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Events_Activity_Department_OccurredAt",
                table: "Events",
                columns: new[] { "DepartmentId", "OccurredAt" },
                filter: "\"Type\" IN ('Resolve', 'Insight')");

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_GivenAt",
                table: "Kudos",
                column: "GivenAt");

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_GiverDepartmentId_GivenAt",
                table: "Kudos",
                columns: new[] { "GiverDepartmentId", "GivenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_GiverId_GivenAt",
                table: "Kudos",
                columns: new[] { "GiverId", "GivenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_GiverId_ReceiverId_FeedbackId",
                table: "Kudos",
                columns: new[] { "GiverId", "ReceiverId", "FeedbackId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kudos_ReceiverDepartmentId_GivenAt",
                table: "Kudos",
                columns: new[] { "ReceiverDepartmentId", "GivenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EmployeeId_NotificationId",
                table: "Notifications",
                columns: new[] { "EmployeeId", "NotificationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_EmployeeId_Seq",
                table: "Notifications",
                columns: new[] { "EmployeeId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_Type_OccurredAt",
                table: "Notifications",
                columns: new[] { "Type", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WallboardTokens_TokenHash",
                table: "WallboardTokens",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Kudos");

            migrationBuilder.DropTable(
                name: "MutedNotificationTypes");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "WallboardTokens");

            migrationBuilder.DropIndex(
                name: "IX_Events_Activity_Department_OccurredAt",
                table: "Events");
        }
    }
}
